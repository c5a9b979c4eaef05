import { readLocalUpload, receiveLocalUpload, type UploadProblem } from '@souk/core';
import { getDb } from '@souk/db';
import { apiResponseHeaders } from '@/lib/api-headers';
import { requestIdFrom } from '@/lib/request-id';

// The local storage backend's signed, expiring URLs (S3 URLs go to the bucket instead).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const STATUS: Record<UploadProblem, number> = {
  invalid_link: 400,
  bad_signature: 403,
  not_found: 404,
  conflict: 409,
  expired: 410,
  too_large: 413,
  unsupported_type: 415,
};

type Params = { params: Promise<{ id: string }> };

// proxy.ts skips this path (it would buffer the body): the request id is set here.
function linkOf(req: Request, id: string) {
  const query = new URL(req.url).searchParams;
  return {
    requestId: requestIdFrom(req.headers.get('x-request-id')),
    link: {
      uploadId: id,
      orgId: query.get('org'),
      op: query.get('op'),
      expires: query.get('expires'),
      sig: query.get('sig'),
    },
  };
}

function problem(req: Request, requestId: string, error: UploadProblem, message: string): Response {
  return Response.json(
    { error, message },
    { status: STATUS[error], headers: apiResponseHeaders(req, requestId) },
  );
}

export async function PUT(req: Request, { params }: Params): Promise<Response> {
  const { requestId, link } = linkOf(req, (await params).id);
  const outcome = await receiveLocalUpload({
    ...link,
    db: getDb(),
    body: req.body,
    contentLength: req.headers.get('content-length'),
  });
  if (!outcome.ok) return problem(req, requestId, outcome.problem, outcome.message);
  return Response.json(
    { id: outcome.upload.id, status: outcome.upload.status },
    { headers: apiResponseHeaders(req, requestId) },
  );
}

export async function GET(req: Request, { params }: Params): Promise<Response> {
  const { requestId, link } = linkOf(req, (await params).id);
  const outcome = await readLocalUpload({ ...link, db: getDb() });
  if (!outcome.ok) return problem(req, requestId, outcome.problem, outcome.message);
  return new Response(outcome.body, {
    headers: { ...outcome.headers, ...apiResponseHeaders(req, requestId) },
  });
}
