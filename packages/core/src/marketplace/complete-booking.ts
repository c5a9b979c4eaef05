import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { amountsOf, lockOrganizerBooking } from './booking-access';
import { markCompleted } from './booking-completion';
import { getBookingDetail } from './booking-detail';
import { completionBlockedReason } from './booking-status';

export async function completeBooking({
  ctx,
  bookingId,
}: {
  ctx: TenantContext;
  bookingId: string;
}) {
  const booking = await lockOrganizerBooking(ctx, bookingId);
  const tooEarly = booking.status === 'paid' ? completionBlockedReason(booking.eventDate) : null;
  if (tooEarly) throw new AppError('CONFLICT', tooEarly, { reason: 'event_not_started' });
  if (booking.status === 'paid' && amountsOf(booking).balanceDueCents > 0) {
    throw new AppError('CONFLICT', 'Pay the remaining balance before completing the booking');
  }
  const { releasedPayouts } = await markCompleted(ctx, booking);
  return { ...(await getBookingDetail({ ctx, bookingId })), releasedPayouts };
}
