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

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
