import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { RUNS_TABLE, SESSIONS_TABLE } from './sessions-query';
import { SessionsTable } from './sessions-table';

export const metadata: Metadata = { title: 'Checkout sessions' };

export default async function CheckoutSessionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireStaff('/admin/checkout');
  if (!can(session.role, 'checkout.read')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">Your role ({session.role}) does not include checkout sessions.</p>
      </>
    );
  }
  const params = await searchParams;
  // Awaited, for the pages the URL names: the rows arrive with the HTML. A query still
  // pending here would render "Loading…" on the server and rows in the browser (#418).
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(
      trpc.checkout.listSessions.queryOptions(parseTableQuery(params, SESSIONS_TABLE)),
    ),
    queryClient.prefetchQuery(
      trpc.checkout.listRecoveryRuns.queryOptions(parseTableQuery(params, RUNS_TABLE)),
    ),
  ]);
  return (
    <HydrateClient>
      <SessionsTable canManage={can(session.role, 'checkout.manage')} />
    </HydrateClient>
  );
}
