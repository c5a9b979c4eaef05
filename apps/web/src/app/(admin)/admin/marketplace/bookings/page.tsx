import type { Metadata } from 'next';
import type { RouterInputs } from '@souk/api';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { BookingsTable } from './bookings-table';

export const metadata: Metadata = { title: 'Bookings' };

const INITIAL_BOOKINGS_QUERY = {
  page: 1,
  pageSize: 25,
} satisfies RouterInputs['marketplace']['admin']['bookings'];

export default async function BookingsPage() {
  const access = await marketplaceAccess('/admin/marketplace/bookings');
  if (!access.canRead) return <NoAccess role={access.role} />;
  await preload(trpc.marketplace.admin.bookings.queryOptions(INITIAL_BOOKINGS_QUERY));
  return (
    <HydrateClient>
      <BookingsTable initialQuery={INITIAL_BOOKINGS_QUERY} />
    </HydrateClient>
  );
}
