import type { TenantContext } from '../context';
import { recordAudit } from '../audit/record-audit';
import { lockBooking } from './booking-access';
import { markCompleted } from './booking-completion';
import { getBookingDetail } from './booking-detail';

/**
 * Admin override: completes a paid booking even with a balance still open or before
 * the event date (the organizer's path refuses both); audited.
 */
export async function forceCompleteBooking({
  ctx,
  bookingId,
}: {
  ctx: TenantContext;
  bookingId: string;
}) {
  const booking = await lockBooking(ctx, bookingId);
  const { before, after, releasedPayouts } = await markCompleted(ctx, booking);
  await recordAudit(ctx, {
    action: 'booking.force_completed',
    entityType: 'booking',
    entityId: booking.id,
    before,
    after: { ...after, releasedPayouts },
  });
  return { ...(await getBookingDetail({ ctx, bookingId })), releasedPayouts };
}
