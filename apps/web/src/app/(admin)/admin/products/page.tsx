import type { Metadata } from 'next';
import { getSoukSession, isStaffRole } from '@souk/auth';
import { HydrateClient, prefetch, trpc } from '@/trpc/server';
import { INITIAL_PRODUCT_QUERY } from './products-query';
import { ProductsTable } from './products-table';

export const metadata: Metadata = { title: 'Products' };

export default async function ProductsPage() {
  // RSC prefetch: the first page arrives with the HTML, then the client takes over.
  // Only for staff: the layout turns everyone else away, and a refused prefetch is noise.
  const session = await getSoukSession();
  if (session && isStaffRole(session.role)) {
    prefetch(trpc.catalog.list.queryOptions(INITIAL_PRODUCT_QUERY));
    prefetch(trpc.auth.me.queryOptions());
  }
  return (
    <HydrateClient>
      <ProductsTable />
    </HydrateClient>
  );
}
