import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { can } from '@souk/auth';
import { uuidParam, validParam } from '@/lib/params';
import { CustomerOnly } from '@/components/organizer/customer-only';
import { requireSession } from '@/lib/session';
import { webEnv } from '@/env';
import { getQueryClient, HydrateClient, serverCaller, trpc } from '@/trpc/server';
import { BookingView, type RedirectStatus } from './booking-view';

export const metadata: Metadata = { title: 'Booking' };
export const dynamic = 'force-dynamic';

export default async function BookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = validParam(uuidParam, rawId) ?? notFound();
  const session = await requireSession(`/bookings/${id}`);
  if (!can(session.role, 'marketplace.book')) return <CustomerOnly title="Booking" />;

  const caller = await serverCaller();
  let booking;
  try {
    booking = await caller.marketplace.organizer.getBooking({ bookingId: id });
  } catch (error) {
    // Someone else's booking answers exactly like a missing one.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }
  // Seed the client cache with what was just loaded; the view polls from there.
  getQueryClient().setQueryData(
    trpc.marketplace.organizer.getBooking.queryKey({ bookingId: id }),
    booking,
  );
  // The files section renders with its list; if this read fails, the section says why.
  const files = await caller.uploads.listBookingFiles({ bookingId: id }).catch(() => null);
  if (files) {
    getQueryClient().setQueryData(trpc.uploads.listBookingFiles.queryKey({ bookingId: id }), files);
  }

  // The hosted payment page sends the organizer back here with what happened.
  const redirectStatus: RedirectStatus =
    query.redirect_status === 'succeeded' || query.redirect_status === 'canceled'
      ? query.redirect_status
      : null;
  const paymentIntentId = typeof query.payment_intent === 'string' ? query.payment_intent : null;

  return (
    <>
      <p>
        <Link href="/bookings">← My bookings</Link>
      </p>
      <HydrateClient>
        <BookingView
          bookingId={id}
          redirectStatus={redirectStatus}
          paymentIntentId={paymentIntentId}
          publishableKey={webEnv.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY ?? null}
        />
      </HydrateClient>
    </>
  );
}
