import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';

export { appRouter, type AppRouter } from './root';
export {
  createTRPCContext,
  createCallerFactory,
  type Context,
  type CreateContextOptions,
} from './trpc';
export { startStorefrontCache, type RunningStorefrontCache } from './storefront-cache';
export {
  handlePlannerAccessCheck,
  handleRefreshRequest,
  handleTokenRequest,
  resolveBearer,
  type BearerResolution,
} from './rest/api-tokens';
export { PORTAL_COOKIE, portalTokenOf } from './routers/portal';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
