import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { uuidParam, validParam } from '@/lib/params';
import { getQueryClient, HydrateClient, serverCaller, trpc } from '@/trpc/server';
import { vendorGate } from '../../_components/vendor-gate';
import { BookingDetail } from './booking-detail';

export const metadata: Metadata = { title: 'Booking' };

export default async function VendorBookingPage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  const gate = await vendorGate(`/vendor/bookings/${id}`);
  if (!gate.ok) return gate.view;
  const caller = await serverCaller();
  let view;
  try {
    view = await caller.marketplace.vendor.getBooking({ bookingId: id });
  } catch (error) {
    // A booking this vendor is not part of answers exactly like a missing one.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }
  // Seed the client cache with what was just loaded instead of fetching it twice.
  getQueryClient().setQueryData(
    trpc.marketplace.vendor.getBooking.queryKey({ bookingId: id }),
    view,
  );
  // The files section renders with its list; if this read fails, the section says why.
  if (view.linkage.status !== 'declined') {
    const files = await caller.uploads.listBookingFiles({ bookingId: id }).catch(() => null);
    if (files) {
      getQueryClient().setQueryData(
        trpc.uploads.listBookingFiles.queryKey({ bookingId: id }),
        files,
      );
    }
  }
  return (
    <>
      <p>
        <Link href="/vendor">← Booking requests</Link>
      </p>
      <h1>Booking #{view.booking.number}</h1>
      {gate.banner}
      <HydrateClient>
        <BookingDetail bookingId={id} />
      </HydrateClient>
    </>
  );
}
