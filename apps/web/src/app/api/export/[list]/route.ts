import { getSoukSession } from '@souk/auth';
import { getDb } from '@souk/db';
import { requestIdFrom } from '@/lib/request-id';
import { exportResponse } from '../export-response';

// proxy.ts covers this path: it sets the request id and the security headers, and it
// passes the streamed body through untouched (it buffers request bodies, not responses).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Params = { params: Promise<{ list: string }> };

export async function GET(req: Request, { params }: Params): Promise<Response> {
  return exportResponse({
    list: (await params).list,
    searchParams: new URL(req.url).searchParams,
    session: await getSoukSession(),
    db: getDb(),
    requestId: requestIdFrom(req.headers.get('x-request-id')),
  });
}
