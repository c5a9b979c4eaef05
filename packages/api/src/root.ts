import { auditRouter } from './routers/audit';
import { authRouter, usersRouter } from './routers/auth';
import { catalogRouter } from './routers/catalog';
import { checkoutRouter } from './routers/checkout';
import { customersRouter } from './routers/customers';
import { dashboardRouter } from './routers/dashboard';
import { marketplaceRouter } from './routers/marketplace';
import { ordersRouter } from './routers/orders';
import { outboxRouter, paymentsRouter } from './routers/payments';
import { searchRouter } from './routers/search';
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
  customers: customersRouter,
  orders: ordersRouter,
  uploads: uploadsRouter,
  dashboard: dashboardRouter,
  search: searchRouter,
});

export type AppRouter = typeof appRouter;
