import type { Booking } from '@souk/db';
import type { TenantContext } from '../context';
import { assertTransition } from './booking-access';
import { openDisputeOf } from './booking-open-dispute';

/** Completion releases every completion payout (held instead while a dispute is open). */
export async function markCompleted(ctx: TenantContext, booking: Booking) {
  assertTransition(booking, 'completed');
  const now = new Date();
  const after = await ctx.tx.booking.update({
    where: { id: booking.id },
    data: { status: 'completed', completedAt: now },
  });
  const dispute = await openDisputeOf(ctx, booking.id);
  const released = await ctx.tx.payout.updateMany({
    where: { bookingId: booking.id, milestone: 'completion', status: 'locked' },
    data: dispute
      ? { status: 'held', heldByDisputeId: dispute.id, heldReason: 'Dispute open', eligibleAt: now }
      : { status: 'eligible', eligibleAt: now },
  });
  return { before: booking, after, releasedPayouts: released.count };
}
