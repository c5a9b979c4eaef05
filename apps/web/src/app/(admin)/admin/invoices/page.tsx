import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { INVOICES_TABLE } from './invoices-query';
import { InvoicesTable } from './invoices-table';
import { NoFinanceAccess } from './no-access';

export const metadata: Metadata = { title: 'Invoices' };

export default async function InvoicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireStaff('/admin/invoices');
  if (!can(session.role, 'finance.read')) return <NoFinanceAccess role={session.role} />;
  // Awaited: the rows arrive with the HTML, never "Loading…" first.
  await getQueryClient().prefetchQuery(
    trpc.finance.listInvoices.queryOptions(parseTableQuery(await searchParams, INVOICES_TABLE)),
  );
  return (
    <HydrateClient>
      <InvoicesTable />
    </HydrateClient>
  );
}
