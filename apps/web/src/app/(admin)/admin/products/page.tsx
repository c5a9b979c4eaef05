import type { Metadata } from 'next';
import { getSoukSession, isStaffRole } from '@souk/auth';
import { HydrateClient, prefetch, trpc } from '@/trpc/server';
import { INITIAL_PRODUCT_QUERY } from './products-query';
import { ProductsTable } from './products-table';

export const metadata: Metadata = { title: 'Products' };

/** `?search=` from a search submitted before the page hydrated (a plain GET form). */
function initialSearchOf(value: string | string[] | undefined): string | undefined {
  const search = typeof value === 'string' ? value.trim() : '';
  return search && search.length <= 200 && !search.includes('\u0000') ? search : undefined;
}

export default async function ProductsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const initialSearch = initialSearchOf((await searchParams).search);
  const initialQuery = { ...INITIAL_PRODUCT_QUERY, search: initialSearch };
  // RSC prefetch: the first page arrives with the HTML, then the client takes over.
  // Only for staff: the layout turns everyone else away, and a refused prefetch is noise.
  const session = await getSoukSession();
  if (session && isStaffRole(session.role)) {
    prefetch(trpc.catalog.list.queryOptions(initialQuery));
    prefetch(trpc.auth.me.queryOptions());
  }
  return (
    <HydrateClient>
      <ProductsTable initialQuery={initialQuery} />
    </HydrateClient>
  );
}
