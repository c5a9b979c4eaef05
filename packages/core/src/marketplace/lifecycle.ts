import { recordProcessorObject } from '../payments/processor-objects';
import type { z } from 'zod';
import type { PaymentGateway } from '@souk/payments';
import type { Booking } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { gatewayFor } from './gateway';
import { amountsOf, assertTransition, lockBooking, lockOrganizerBooking } from './booking-access';
import { bookingDetail } from './bookings';
import { openDisputeOf } from './disputes';
import type { cancelBookingInput, listBookingsInput } from './schemas';
import { pageArgs, NEWEST_FIRST } from '../page';
import { bookingStatusLabel, completionBlockedReason } from './booking-status';

/** Completion releases every completion payout (held instead while a dispute is open). */
async function complete(ctx: TenantContext, booking: Booking) {
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
  const { releasedPayouts } = await complete(ctx, booking);
  return { ...(await bookingDetail(ctx, bookingId)), releasedPayouts };
}

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
  const { before, after, releasedPayouts } = await complete(ctx, booking);
  await recordAudit(ctx, {
    action: 'booking.force_completed',
    entityType: 'booking',
    entityId: booking.id,
    before,
    after: { ...after, releasedPayouts },
  });
  return { ...(await bookingDetail(ctx, bookingId)), releasedPayouts };
}

/**
 * Admin cancel: refunds what was paid through the processor, cancels any open
 * PaymentIntent and voids every payout not yet paid out. Payouts already paid stay
 * as they are (reverse them separately if the money must come back).
 */
export async function adminCancelBooking({
  ctx,
  input,
  gateway,
}: {
  ctx: TenantContext;
  input: z.infer<typeof cancelBookingInput>;
  gateway?: PaymentGateway;
}) {
  const before = await lockBooking(ctx, input.bookingId);
  assertTransition(before, 'cancelled');
  const payments = await ctx.tx.bookingPayment.findMany({ where: { bookingId: before.id } });
  const needsProcessor = payments.some(
    (p) =>
      p.status === 'requires_payment' ||
      (p.status === 'succeeded' && p.amountRefundedCents < p.amountCents),
  );
  const processor = needsProcessor ? await gatewayFor(ctx, gateway) : null;
  let refundedCents = 0;
  for (const payment of payments) {
    if (payment.status === 'requires_payment') {
      await processor!.cancelPaymentIntent(payment.processorPaymentIntentId);
      await ctx.tx.bookingPayment.update({
        where: { id: payment.id },
        data: { status: 'canceled', openBookingId: null },
      });
    } else if (
      payment.status === 'succeeded' &&
      payment.amountRefundedCents < payment.amountCents
    ) {
      const amount = payment.amountCents - payment.amountRefundedCents;
      const refund = await processor!.refund({
        paymentIntentId: payment.processorPaymentIntentId,
        amountCents: amount,
        idempotencyKey: `booking:${before.id}:cancel:${payment.id}`,
      });
      await recordProcessorObject(ctx.tx, ctx.orgId, {
        id: refund.id,
        kind: 'refund',
        bookingId: before.id,
      });
      refundedCents += amount;
      await ctx.tx.bookingPayment.update({
        where: { id: payment.id },
        data: { amountRefundedCents: payment.amountCents },
      });
      await ctx.tx.ledgerEntry.upsert({
        where: { paymentId_type: { paymentId: payment.id, type: 'refund' } },
        create: {
          orgId: ctx.orgId,
          bookingId: before.id,
          paymentId: payment.id,
          type: 'refund',
          amountCents: payment.amountCents,
          currency: payment.currency,
        },
        update: { amountCents: payment.amountCents },
      });
    }
  }
  const voided = await ctx.tx.payout.updateMany({
    where: { bookingId: before.id, status: { in: ['locked', 'eligible', 'held'] } },
    data: { status: 'voided' },
  });
  const after = await ctx.tx.booking.update({
    where: { id: before.id },
    data: {
      status: 'cancelled',
      cancelledAt: new Date(),
      cancelReason: input.reason,
      amountRefundedCents: before.amountPaidCents,
    },
  });
  await recordAudit(ctx, {
    action: 'booking.cancelled',
    entityType: 'booking',
    entityId: before.id,
    before,
    after: { ...after, refundedCents, voidedPayouts: voided.count },
  });
  const organizer = await ctx.tx.user.findUniqueOrThrow({
    where: { id: before.organizerId },
    select: { email: true },
  });
  await enqueueOutbox(ctx, {
    dedupeKey: `booking:${before.id}:cancelled`,
    channel: 'email',
    topic: 'booking.cancelled',
    recipient: organizer.email,
    subject: `Booking #${before.number} was cancelled`,
    body: `Booking #${before.number} was cancelled: ${input.reason}.${refundedCents > 0 ? ' Your payments are being refunded.' : ''}`,
  });
  return { ...(await bookingDetail(ctx, before.id)), refundedCents, voidedPayouts: voided.count };
}

export async function listBookings({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listBookingsInput>;
}) {
  const where = input.status ? { status: input.status } : {};
  const [total, rows] = await Promise.all([
    ctx.tx.booking.count({ where }),
    ctx.tx.booking.findMany({
      where,
      include: {
        organizer: { select: { email: true, name: true } },
        vendors: {
          select: { status: true, role: true, vendor: { select: { displayName: true } } },
        },
      },
      orderBy: NEWEST_FIRST,
      ...pageArgs(input),
    }),
  ]);
  return {
    total,
    rows: rows.map((b) => ({ ...b, amounts: amountsOf(b), statusLabel: bookingStatusLabel(b) })),
  };
}

export async function adminBookingDetail({
  ctx,
  bookingId,
}: {
  ctx: TenantContext;
  bookingId: string;
}) {
  const detail = await bookingDetail(ctx, bookingId);
  const [organizer, payouts, allocations, ledger] = await Promise.all([
    ctx.tx.user.findUnique({
      where: { id: detail.organizerId },
      select: { email: true, name: true },
    }),
    ctx.tx.payout.findMany({
      where: { bookingId },
      include: { vendor: { select: { displayName: true } } },
      orderBy: [{ createdAt: 'asc' }, { milestone: 'desc' }],
    }),
    ctx.tx.payoutAllocation.findMany({ where: { bookingId }, orderBy: { createdAt: 'asc' } }),
    ctx.tx.ledgerEntry.findMany({ where: { bookingId }, orderBy: { createdAt: 'asc' } }),
  ]);
  return { ...detail, organizer, payouts, allocations, ledger };
}
