import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { NoFinanceAccess } from '../../invoices/no-access';
import { DISCREPANCIES_TABLE } from '../reconciliation-query';
import { DiscrepanciesTable } from './discrepancies-table';

export const metadata: Metadata = { title: 'Discrepancies' };

export default async function DiscrepanciesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireStaff('/admin/reconciliation/discrepancies');
  if (!can(session.role, 'finance.read')) return <NoFinanceAccess role={session.role} />;
  await getQueryClient().prefetchQuery(
    trpc.reconciliation.listDiscrepancies.queryOptions(
      parseTableQuery(await searchParams, DISCREPANCIES_TABLE),
    ),
  );
  return (
    <HydrateClient>
      <DiscrepanciesTable />
    </HydrateClient>
  );
}
