import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { uuidParam, validParam } from '@/lib/params';
import { getQueryClient, HydrateClient, serverCaller, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess } from '../../_components/access';
import { BookingDetail } from './booking-detail';

export const metadata: Metadata = { title: 'Booking' };

export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  const access = await marketplaceAccess(`/admin/marketplace/bookings/${id}`);
  if (!access.canRead) return <NoAccess role={access.role} />;
  let booking;
  try {
    booking = await (await serverCaller()).marketplace.admin.getBooking({ bookingId: id });
  } catch (error) {
    // Another org's booking answers exactly like a missing one.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }
  // Seed the client cache with what was just loaded instead of fetching it twice.
  getQueryClient().setQueryData(
    trpc.marketplace.admin.getBooking.queryKey({ bookingId: id }),
    booking,
  );
  return (
    <>
      <p>
        <Link href="/admin/marketplace/bookings">← Bookings</Link>
      </p>
      <h1>Booking #{booking.number}</h1>
      <HydrateClient>
        <BookingDetail bookingId={id} canManage={access.canManage} />
      </HydrateClient>
    </>
  );
}
