import { portalTokenOf } from '@souk/api';
import { portalFileDownload, resolvePortalSession, type PortalFileProblem } from '@souk/core';
import { getDb } from '@souk/db';
import { apiResponseHeaders } from '@/lib/api-headers';
import { requestIdFrom } from '@/lib/request-id';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const STATUS: Record<PortalFileProblem, number> = {
  bad_signature: 403,
  expired: 410,
  not_found: 404,
};

type Params = { params: Promise<{ id: string }> };

/**
 * A file of a client's booking, from the portal's signed, expiring link: the signature,
 * the expiry and the portal session (its client must organize the booking) are all
 * checked, then the answer is a redirect to a short-lived storage URL.
 */
export async function GET(req: Request, { params }: Params): Promise<Response> {
  const requestId = requestIdFrom(req.headers.get('x-request-id'));
  const headers = apiResponseHeaders(req, requestId);
  const db = getDb();
  const client = await resolvePortalSession({ db, token: portalTokenOf(req.headers) });
  if (!client) {
    return Response.json(
      { error: 'unauthorized', message: 'Open the client portal to download this file' },
      { status: 401, headers },
    );
  }
  const query = new URL(req.url).searchParams;
  const outcome = await portalFileDownload({
    db,
    client,
    uploadId: (await params).id,
    exp: query.get('exp'),
    sig: query.get('sig'),
  });
  if (!outcome.ok) {
    return Response.json(
      { error: outcome.problem, message: outcome.message },
      { status: STATUS[outcome.problem], headers },
    );
  }
  return new Response(null, {
    status: 302,
    headers: { ...headers, location: outcome.url, 'cache-control': 'no-store' },
  });
}
