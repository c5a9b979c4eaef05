import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { CUSTOMERS_TABLE } from './customers-query';
import { CustomersTable } from './customers-table';

export const metadata: Metadata = { title: 'Customers' };

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireStaff('/admin/customers');
  if (!can(session.role, 'customers.read')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">Your role ({session.role}) does not include customers.</p>
      </>
    );
  }
  // Prefetched and awaited, exactly the page the URL asks for: the first page arrives
  // with the HTML and hydrates without a "Loading…" flash.
  const query = parseTableQuery(await searchParams, CUSTOMERS_TABLE);
  await getQueryClient().prefetchQuery(trpc.customers.listCustomers.queryOptions(query));
  return (
    <HydrateClient>
      <CustomersTable />
    </HydrateClient>
  );
}
