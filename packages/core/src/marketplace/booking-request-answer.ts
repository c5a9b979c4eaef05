import type { BookingVendor } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { formatMoney } from '../money';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { coreEnv } from '../env';
import { lockBooking, recomputeReadiness } from './booking-access';
import { myLinkage } from './vendor-linkage';

export type BookingRequestAnswer =
  | { kind: 'approve'; agreedAmountCents?: number; note?: string }
  | { kind: 'decline'; note?: string }
  | { kind: 'counter'; proposedAmountCents: number; note?: string };

const OPEN: BookingVendor['status'][] = ['pending', 'countered'];

/**
 * The signed-in vendor answers a booking request: records the answer, recomputes the
 * booking's readiness and tells the organizer.
 */
export async function answerBookingRequest(
  ctx: TenantContext,
  bookingId: string,
  reply: BookingRequestAnswer,
) {
  const booking = await lockBooking(ctx, bookingId);
  const { vendor, linkage } = await myLinkage(ctx, bookingId);
  if (booking.status !== 'awaiting_vendor_approval') {
    throw new AppError(
      'CONFLICT',
      `Booking #${booking.number} is ${booking.status.replaceAll('_', ' ')}: it no longer takes answers`,
    );
  }
  // An approval without a price can be completed with one (payment needs every price).
  const pricingAnApproval =
    reply.kind === 'approve' && linkage.status === 'approved' && !linkage.agreedAmountCents;
  if (!OPEN.includes(linkage.status) && !pricingAnApproval) {
    throw new AppError('CONFLICT', `You already ${linkage.status} this booking`);
  }
  const now = new Date();
  const data =
    reply.kind === 'approve'
      ? {
          status: 'approved' as const,
          agreedAmountCents: reply.agreedAmountCents ?? linkage.proposedAmountCents,
        }
      : reply.kind === 'decline'
        ? { status: 'declined' as const }
        : { status: 'countered' as const, proposedAmountCents: reply.proposedAmountCents };
  const updated = await ctx.tx.bookingVendor.update({
    where: { id: linkage.id },
    data: { ...data, vendorNote: reply.note ?? null, respondedAt: now },
  });
  const after = await recomputeReadiness(ctx, booking);
  const organizer = await ctx.tx.user.findUniqueOrThrow({
    where: { id: booking.organizerId },
    select: { email: true },
  });
  const what =
    reply.kind === 'approve'
      ? `approved${updated.agreedAmountCents ? ` at ${formatMoney(updated.agreedAmountCents, booking.currency)}` : ''}`
      : reply.kind === 'decline'
        ? 'declined'
        : `proposed ${formatMoney(reply.proposedAmountCents, booking.currency)}`;
  await enqueueOutbox(ctx, {
    dedupeKey: `booking:${booking.id}:answer:${linkage.id}:${now.getTime()}`,
    channel: 'email',
    topic: `booking.vendor_${reply.kind}`,
    recipient: organizer.email,
    subject: `Booking #${booking.number}: ${vendor.displayName} ${reply.kind === 'counter' ? 'sent a counter-offer' : what}`,
    body: `${vendor.displayName} ${what} for booking #${booking.number}.${after.status === 'ready_for_payment' ? ' Every vendor is in: the booking is ready for payment.' : ''} ${coreEnv.PUBLIC_WEB_URL}/bookings/${booking.id}`,
  });
  return { linkage: updated, bookingStatus: after.status };
}
