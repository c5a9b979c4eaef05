import 'server-only';
import { can } from '@souk/auth';
import type { FetchQueryOptions, QueryKey } from '@tanstack/react-query';
import { requireStaff } from '@/lib/session';
import { getQueryClient } from '@/trpc/server';

/** Page guard for the marketplace console: what this staff role may see and do. */
export async function marketplaceAccess(callbackUrl: string) {
  const session = await requireStaff(callbackUrl);
  return {
    role: session.role,
    orgSlug: session.orgSlug,
    canRead: can(session.role, 'marketplace.read'),
    canManage: can(session.role, 'marketplace.manage'),
    canManagePayouts: can(session.role, 'payouts.manage'),
  };
}

export function NoAccess({ role }: { role: string }) {
  return (
    <>
      <h1>No access</h1>
      <p className="muted">Your role ({role}) does not include the marketplace.</p>
    </>
  );
}

/**
 * prefetch(), awaited: a query still pending when the page streams is rendered as
 * "Loading…" on the server but may already hold rows when the browser hydrates,
 * and hydration then fails. Loaded first, both render the same rows.
 */
export function preload<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<void> {
  return getQueryClient().prefetchQuery(options);
}
