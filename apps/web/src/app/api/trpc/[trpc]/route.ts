import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter, createTRPCContext, resolveBearer } from '@souk/api';
import { getSoukSession, type SoukSession } from '@souk/auth';
import { apiResponseHeaders } from '@/lib/api-headers';
import { appOrigin } from '@/lib/app-origin';
import { checkCsrf } from '@/lib/csrf';
import { requestIdFrom } from '@/lib/request-id';

// Anonymous storefront reads skip the session lookup (a JWT decode and a database
// read) when no session cookie came with the request.
const hasSessionCookie = (req: Request) =>
  /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/.test(
    req.headers.get('cookie') ?? '',
  );

// An API client (spec 004 tokens): a Bearer header and no cookies at all.
const isBearerOnly = (req: Request) =>
  !req.headers.has('cookie') && /^Bearer\s/i.test(req.headers.get('authorization') ?? '');

// A Bearer token that does not resolve, as a tRPC error (superjson envelope).
function unauthorized(req: Request, requestId: string, message: string) {
  return Response.json(
    { error: { json: { message, code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401 } } } },
    { status: 401, headers: apiResponseHeaders(req, requestId) },
  );
}

// The client link batches at most this many calls (src/trpc/react.tsx) and a page
// fires fewer; a larger batch is someone making one request do the work of hundreds.
const MAX_BATCH_SIZE = 10;

// Not covered by proxy.ts (kept off this hot path): request id and headers are set here.
async function handler(req: Request) {
  const requestId = requestIdFrom(req.headers.get('x-request-id'));
  const csrf = checkCsrf({
    method: req.method,
    contentType: req.headers.get('content-type'),
    origin: req.headers.get('origin'),
    secFetchSite: req.headers.get('sec-fetch-site'),
    appOrigin: appOrigin(req.url),
    bearerWithoutCookies: isBearerOnly(req),
  });
  if (!csrf.ok) {
    // Shaped like a tRPC error (superjson envelope) so the client shows the message.
    return Response.json(
      {
        error: {
          json: {
            message: csrf.message,
            code: -32003,
            data: { code: 'FORBIDDEN', httpStatus: 403 },
          },
        },
      },
      { status: 403, headers: apiResponseHeaders(req, requestId) },
    );
  }
  const headers = new Headers(req.headers);
  headers.set('x-request-id', requestId);
  // The session cookie wins; without one, an access token stands for the session.
  let session: SoukSession | null = null;
  if (hasSessionCookie(req)) {
    session = await getSoukSession();
  } else {
    const bearer = await resolveBearer(headers);
    if (bearer.kind === 'invalid') return unauthorized(req, requestId, bearer.message);
    if (bearer.kind === 'session') session = bearer.session;
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createTRPCContext({ headers, session }),
    responseMeta: () => ({ headers: new Headers(apiResponseHeaders(req, requestId)) }),
  });
}

export { handler as GET, handler as POST };
