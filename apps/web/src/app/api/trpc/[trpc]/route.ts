import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter, createTRPCContext } from '@souk/api';
import { getSoukSession } from '@souk/auth';

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () =>
      createTRPCContext({ headers: req.headers, session: await getSoukSession() }),
  });
}

export { handler as GET, handler as POST };
