import { adminSafetyRouter } from './routers/admin-safety';
import { auditRouter } from './routers/audit';
import { authRouter, usersRouter } from './routers/auth';
import { billingRouter } from './routers/billing';
import { catalogRouter } from './routers/catalog';
import { checkoutRouter } from './routers/checkout';
import { customersRouter } from './routers/customers';
import { dashboardRouter } from './routers/dashboard';
import { financeRouter } from './routers/finance';
import { marketplaceRouter } from './routers/marketplace';
import { mfaRouter } from './routers/mfa';
import { ordersRouter } from './routers/orders';
import { orgRouter } from './routers/org';
import { outboxRouter, paymentsRouter } from './routers/payments';
import { portalRouter } from './routers/portal';
import { opsRouter } from './routers/ops';
import { reconciliationRouter } from './routers/reconciliation';
import { privacyRouter } from './routers/privacy';
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
  finance: financeRouter,
  billing: billingRouter,
  org: orgRouter,
  reconciliation: reconciliationRouter,
  ops: opsRouter,
  privacy: privacyRouter,
  portal: portalRouter,
  adminSafety: adminSafetyRouter,
  mfa: mfaRouter,
});

export type AppRouter = typeof appRouter;
