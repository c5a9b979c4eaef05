import type { Metadata } from 'next';
import type { RouterInputs } from '@souk/api';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { BookingPaymentsTable } from './booking-payments-table';

export const metadata: Metadata = { title: 'Booking payments' };

const INITIAL_PAYMENTS_QUERY = {
  page: 1,
  pageSize: 25,
} satisfies RouterInputs['marketplace']['admin']['payments'];

export default async function BookingPaymentsPage() {
  const access = await marketplaceAccess('/admin/marketplace/payments');
  if (!access.canRead) return <NoAccess role={access.role} />;
  await preload(trpc.marketplace.admin.payments.queryOptions(INITIAL_PAYMENTS_QUERY));
  return (
    <HydrateClient>
      <BookingPaymentsTable initialQuery={INITIAL_PAYMENTS_QUERY} />
    </HydrateClient>
  );
}
