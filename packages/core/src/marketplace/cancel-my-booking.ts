import type { OrgScope, TenantContext } from '../context';
import { AppError } from '../errors';
import { assertTransition, lockOrganizerBooking } from './booking-access';
import { getMyBooking } from './get-my-booking';
import { isPendingIntent } from './pending-intent';

/**
 * Organizer may withdraw a request until it is paid; after that only an admin
 * cancels (with refunds). A payment page left open is closed at the processor:
 * tx 1 checks, the processor is asked (and the intent cancelled) outside any
 * transaction, tx 2 cancels the booking after checking again that nothing moved.
 */
export async function cancelMyBooking({
  scope,
  bookingId,
  reason,
}: {
  scope: OrgScope;
  bookingId: string;
  reason: string;
}) {
  const first = await scope.transaction(async (ctx) => {
    const booking = await lockWithdrawable(ctx, bookingId);
    const open = await ctx.tx.bookingPayment.findUnique({ where: { openBookingId: booking.id } });
    if (!open) return { withdrawn: await withdraw(ctx, booking.id, reason, null) };
    return { open };
  });
  if (first.withdrawn) return first.withdrawn;
  const { open } = first;

  // A pay request still making its intent sees the cancellation and cancels it itself.
  if (!isPendingIntent(open)) {
    const processor = await scope.gateway();
    const intent = await processor.retrievePaymentIntent(open.processorPaymentIntentId);
    if (intent.status === 'succeeded' || intent.status === 'processing') {
      throw new AppError(
        'CONFLICT',
        'Your payment just went through: the booking can no longer be withdrawn',
      );
    }
    await processor.cancelPaymentIntent(open.processorPaymentIntentId);
  }
  return scope.transaction(async (ctx) => {
    const booking = await lockWithdrawable(ctx, bookingId);
    const now = await ctx.tx.bookingPayment.findUnique({ where: { openBookingId: booking.id } });
    if (now && now.id !== open.id) {
      throw new AppError(
        'CONFLICT',
        `Booking #${booking.number} changed while it was being withdrawn: reload it and try again`,
      );
    }
    return withdraw(ctx, booking.id, reason, now);
  });
}

async function lockWithdrawable(ctx: TenantContext, bookingId: string) {
  const booking = await lockOrganizerBooking(ctx, bookingId);
  if (booking.status === 'paid') {
    throw new AppError(
      'CONFLICT',
      'A paid booking is cancelled by the platform: open a dispute or contact support',
    );
  }
  assertTransition(booking, 'cancelled');
  return booking;
}

async function withdraw(
  ctx: TenantContext,
  bookingId: string,
  reason: string,
  open: { id: string } | null,
) {
  if (open) {
    await ctx.tx.bookingPayment.update({
      where: { id: open.id },
      data: { status: 'canceled', openBookingId: null },
    });
  }
  await ctx.tx.booking.update({
    where: { id: bookingId },
    data: { status: 'cancelled', cancelledAt: new Date(), cancelReason: reason },
  });
  return getMyBooking({ ctx, bookingId });
}
