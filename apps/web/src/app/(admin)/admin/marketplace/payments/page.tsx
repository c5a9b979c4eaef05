import type { Metadata } from 'next';
import { parseTableQuery } from '@/lib/url-table-state';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { BOOKING_PAYMENTS_TABLE } from '../_components/table-specs';
import { BookingPaymentsTable } from './booking-payments-table';

export const metadata: Metadata = { title: 'Booking payments' };

export default async function BookingPaymentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await marketplaceAccess('/admin/marketplace/payments');
  if (!access.canRead) return <NoAccess role={access.role} />;
  await preload(
    trpc.marketplace.admin.listPayments.queryOptions(
      parseTableQuery(await searchParams, BOOKING_PAYMENTS_TABLE),
    ),
  );
  return (
    <HydrateClient>
      <BookingPaymentsTable />
    </HydrateClient>
  );
}
