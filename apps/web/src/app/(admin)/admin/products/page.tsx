import type { Metadata } from 'next';
import { getSoukSession, isStaffRole } from '@souk/auth';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { PRODUCTS_TABLE } from './products-query';
import { ProductsTable } from './products-table';

export const metadata: Metadata = { title: 'Products' };

export default async function ProductsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The list's state is in the URL (a search submitted before hydration is a plain GET),
  // so the page prefetches exactly the page the table asks for.
  const query = parseTableQuery(await searchParams, PRODUCTS_TABLE);
  // Prefetched and awaited: the first page arrives with the HTML. A query still pending
  // here renders "Loading…" on the server and rows in the browser (hydration error #418).
  // Only for staff: the layout turns everyone else away, and a refused prefetch is noise.
  const session = await getSoukSession();
  if (session && isStaffRole(session.role)) {
    const queryClient = getQueryClient();
    await queryClient.prefetchQuery(trpc.catalog.listProducts.queryOptions(query));
    await queryClient.prefetchQuery(trpc.auth.getCurrentUser.queryOptions());
  }
  return (
    <HydrateClient>
      <ProductsTable />
    </HydrateClient>
  );
}
