import { auditRouter } from './routers/audit';
import { authRouter, usersRouter } from './routers/auth';
import { catalogRouter } from './routers/catalog';
import { createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  users: usersRouter,
  catalog: catalogRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
