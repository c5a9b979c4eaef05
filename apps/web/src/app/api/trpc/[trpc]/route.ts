import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter, createTRPCContext } from '@souk/api';
import { getSoukSession } from '@souk/auth';

// Anonymous storefront reads skip the session lookup (a JWT decode and a database
// read) when no session cookie came with the request.
const hasSessionCookie = (req: Request) =>
  /next-auth\.session-token=/.test(req.headers.get('cookie') ?? '');

function handler(req: Request) {
  // Not covered by proxy.ts (kept off this hot path): set the request id here.
  const requestId = req.headers.get('x-request-id') ?? crypto.randomUUID();
  const headers = new Headers(req.headers);
  headers.set('x-request-id', requestId);
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () =>
      createTRPCContext({
        headers,
        session: hasSessionCookie(req) ? await getSoukSession() : null,
      }),
    responseMeta: () => ({ headers: new Headers({ 'x-request-id': requestId }) }),
  });
}

export { handler as GET, handler as POST };
