import 'server-only';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy, type TRPCQueryOptions } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { cache, type ReactNode } from 'react';
import { appRouter, createCallerFactory, createTRPCContext } from '@souk/api';
import { getSoukSession } from '@souk/auth';
import { webEnv } from '@/env';
import { makeQueryClient } from './query-client';

const createContext = cache(async () =>
  createTRPCContext({ headers: new Headers(await headers()), session: await getSoukSession() }),
);

export const getQueryClient = cache(makeQueryClient);

/** Server components: query options for prefetching into the client cache. */
export const trpc = createTRPCOptionsProxy({
  ctx: createContext,
  router: appRouter,
  queryClient: getQueryClient,
});

/** Server components that only render: call procedures directly. */
export const serverCaller = cache(async () =>
  createCallerFactory(appRouter)(await createContext()),
);

/**
 * Server actions and server components that call internal (X-API-Key) procedures:
 * the request headers plus the server-only checkout key. Never hand this to the client.
 */
export const internalCaller = cache(async () => {
  const requestHeaders = new Headers(await headers());
  requestHeaders.set('x-api-key', webEnv.CHECKOUT_API_KEY);
  return createCallerFactory(appRouter)(
    createTRPCContext({ headers: requestHeaders, session: await getSoukSession() }),
  );
});

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any procedure's options
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T): void {
  void getQueryClient().prefetchQuery(queryOptions);
}
