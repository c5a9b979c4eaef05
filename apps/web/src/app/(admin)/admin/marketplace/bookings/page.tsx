import type { Metadata } from 'next';
import { parseTableQuery } from '@/lib/url-table-state';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { BOOKINGS_TABLE } from '../_components/table-specs';
import { BookingsTable } from './bookings-table';

export const metadata: Metadata = { title: 'Bookings' };

export default async function BookingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await marketplaceAccess('/admin/marketplace/bookings');
  if (!access.canRead) return <NoAccess role={access.role} />;
  await preload(
    trpc.marketplace.admin.listBookings.queryOptions(
      parseTableQuery(await searchParams, BOOKINGS_TABLE),
    ),
  );
  return (
    <HydrateClient>
      <BookingsTable />
    </HydrateClient>
  );
}
