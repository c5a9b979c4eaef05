import type { Booking } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { formatMoney } from '../money';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { coreEnv } from '../env';
import { assertBillingActive } from '../org/billing-gate';
import { assertTransition } from './booking-access';
import { EVENT_DATE_IN_PAST_MESSAGE, isEventDateInPast } from './booking-status';

/** Sends a draft to its vendors (the caller holds the booking row lock). */
export async function submitDraft(ctx: TenantContext, booking: Booking) {
  assertTransition(booking, 'awaiting_vendor_approval');
  // A draft may sit until its date has gone by; vendors are never asked for a past day.
  if (booking.eventDate && isEventDateInPast(booking.eventDate)) {
    throw AppError.field('eventDate', EVENT_DATE_IN_PAST_MESSAGE);
  }
  await assertBillingActive(ctx.tx, ctx.orgId);
  const submitted = await ctx.tx.booking.update({
    where: { id: booking.id },
    data: { status: 'awaiting_vendor_approval' },
  });
  await notifyVendorsOfRequest(ctx, submitted);
  return submitted;
}

async function notifyVendorsOfRequest(ctx: TenantContext, booking: Booking) {
  const linkages = await ctx.tx.bookingVendor.findMany({
    where: { bookingId: booking.id },
    include: { vendor: { include: { user: { select: { email: true } } } } },
  });
  const budget =
    booking.requestedBudgetCents === null
      ? 'no budget given'
      : `budget ${formatMoney(booking.requestedBudgetCents, booking.currency)}`;
  for (const linkage of linkages) {
    await enqueueOutbox(ctx, {
      dedupeKey: `booking:${booking.id}:request:${linkage.vendorId}`,
      channel: 'email',
      topic: 'booking.requested',
      recipient: linkage.vendor.user.email,
      subject: `New booking request #${booking.number}`,
      body: `${linkage.vendor.displayName}, you have a new booking request (#${booking.number}, ${budget}). Approve, decline or counter it in your vendor portal: ${coreEnv.PUBLIC_WEB_URL}/vendor/bookings/${booking.id}`,
    });
  }
}
