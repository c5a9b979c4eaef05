import type { Metadata } from 'next';
import { HydrateClient, prefetch, trpc } from '@/trpc/server';
import { INITIAL_PRODUCT_QUERY } from './products-query';
import { ProductsTable } from './products-table';

export const metadata: Metadata = { title: 'Products' };

export default function ProductsPage() {
  // RSC prefetch: the first page arrives with the HTML, then the client takes over.
  prefetch(trpc.catalog.list.queryOptions(INITIAL_PRODUCT_QUERY));
  prefetch(trpc.auth.me.queryOptions());
  return (
    <HydrateClient>
      <ProductsTable />
    </HydrateClient>
  );
}
