import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { NoFinanceAccess } from '../invoices/no-access';
import { RUNS_TABLE } from './reconciliation-query';
import { RunsTable } from './runs-table';

export const metadata: Metadata = { title: 'Reconciliation' };

export default async function ReconciliationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireStaff('/admin/reconciliation');
  if (!can(session.role, 'finance.read')) return <NoFinanceAccess role={session.role} />;
  // Awaited: the rows arrive with the HTML, never "Loading…" first.
  await getQueryClient().prefetchQuery(
    trpc.reconciliation.listRuns.queryOptions(parseTableQuery(await searchParams, RUNS_TABLE)),
  );
  return (
    <HydrateClient>
      <RunsTable canRun={can(session.role, 'finance.manage')} />
    </HydrateClient>
  );
}
