import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { MISMATCHES_TABLE } from '../invoices-query';
import { NoFinanceAccess } from '../no-access';
import { MismatchesTable } from './mismatches-table';

export const metadata: Metadata = { title: 'Invoice mismatches' };

export default async function InvoiceMismatchesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireStaff('/admin/invoices/mismatches');
  if (!can(session.role, 'finance.read')) return <NoFinanceAccess role={session.role} />;
  await getQueryClient().prefetchQuery(
    trpc.finance.listInvoiceMismatches.queryOptions(
      parseTableQuery(await searchParams, MISMATCHES_TABLE),
    ),
  );
  return (
    <HydrateClient>
      <MismatchesTable />
    </HydrateClient>
  );
}
