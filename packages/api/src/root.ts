import { auditRouter } from './routers/audit';
import { authRouter, usersRouter } from './routers/auth';
import { catalogRouter } from './routers/catalog';
import { checkoutRouter } from './routers/checkout';
import { marketplaceRouter } from './routers/marketplace';
import { outboxRouter, paymentsRouter } from './routers/payments';
import { uploadsRouter } from './routers/uploads';
import { createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  users: usersRouter,
  catalog: catalogRouter,
  audit: auditRouter,
  checkout: checkoutRouter,
  payments: paymentsRouter,
  outbox: outboxRouter,
  marketplace: marketplaceRouter,
  uploads: uploadsRouter,
});

export type AppRouter = typeof appRouter;
