import type { TenantContext } from '../context';
import { formatMoney } from '../money';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { int, MissingTargetError, paymentIntentIdOf } from '../payments/events/missing-target';
import { lockBooking } from './booking-access';
import { openDisputeOf } from './disputes';
import { planAllocation } from './split';

async function paymentFor(ctx: TenantContext, object: Record<string, unknown>) {
  const paymentIntentId = paymentIntentIdOf(object);
  const payment = paymentIntentId
    ? await ctx.tx.bookingPayment.findUnique({
        where: { processorPaymentIntentId: paymentIntentId },
      })
    : null;
  if (!payment) {
    throw new MissingTargetError(
      `booking payment ${paymentIntentId ?? '(no id)'} not found`,
      paymentIntentId,
    );
  }
  return payment;
}

/** A booking's paid and refunded totals, recomputed from its payment rows. */
async function bookingTotals(ctx: TenantContext, bookingId: string) {
  const [paid, refunded] = await Promise.all([
    ctx.tx.bookingPayment.aggregate({
      where: { bookingId, status: 'succeeded' },
      _sum: { amountCents: true },
    }),
    ctx.tx.bookingPayment.aggregate({ where: { bookingId }, _sum: { amountRefundedCents: true } }),
  ]);
  const amountPaidCents = paid._sum.amountCents ?? 0;
  return {
    amountPaidCents,
    amountRefundedCents: Math.min(refunded._sum.amountRefundedCents ?? 0, amountPaidCents),
  };
}

/**
 * Locks the booking a PaymentIntent (or its charge) pays, in one statement, and
 * reads the payment after the lock so a concurrent delivery's result is visible.
 */
async function lockByPaymentIntent(ctx: TenantContext, object: Record<string, unknown>) {
  const paymentIntentId = paymentIntentIdOf(object);
  const locked = paymentIntentId
    ? await ctx.tx.$queryRaw<{ id: string }[]>`
        SELECT b.id FROM booking_payments p JOIN bookings b ON b.id = p."bookingId"
        WHERE p."processorPaymentIntentId" = ${paymentIntentId} FOR UPDATE OF b`
    : [];
  if (!paymentIntentId || locked.length === 0) {
    throw new MissingTargetError(
      `booking payment ${paymentIntentId ?? '(no id)'} not found`,
      paymentIntentId,
    );
  }
  return paymentIntentId;
}

/**
 * payment_intent.succeeded for a booking, applied once however often it arrives:
 * the payment succeeds, the platform records the held funds, the booking is paid,
 * and this payment is allocated across vendors into locked payouts. Kept to a
 * handful of statements: it runs once per paid booking (see bench/marketplace.ts).
 */
export async function bookingPaymentSucceeded(ctx: TenantContext, object: Record<string, unknown>) {
  const paymentIntentId = await lockByPaymentIntent(ctx, object);
  const payment = await ctx.tx.bookingPayment.findUniqueOrThrow({
    where: { processorPaymentIntentId: paymentIntentId },
    include: {
      booking: {
        include: {
          organizer: { select: { email: true } },
          vendors: {
            where: { status: 'approved', agreedAmountCents: { gt: 0 } },
            orderBy: [{ role: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
          },
        },
      },
    },
  });
  const { booking } = payment;
  const appeared = [paymentIntentId];
  if (payment.status === 'succeeded') return { bookingId: booking.id, appeared };
  const received = int(object.amount_received) || payment.amountCents;
  const now = new Date();
  await ctx.tx.bookingPayment.update({
    where: { id: payment.id },
    data: {
      status: 'succeeded',
      openBookingId: null,
      succeededAt: now,
      amountCents: received,
      failureMessage: null,
    },
  });
  await ctx.tx.ledgerEntry.createMany({
    data: [
      {
        orgId: ctx.orgId,
        bookingId: booking.id,
        paymentId: payment.id,
        type: 'held_funds',
        amountCents: received,
        currency: payment.currency,
      },
    ],
    skipDuplicates: true,
  });
  // A late success on a cancelled booking is recorded, never resurrects it (admin refunds).
  const status = booking.status === 'ready_for_payment' ? 'paid' : booking.status;
  await ctx.tx.booking.update({
    where: { id: booking.id },
    data: { ...(await bookingTotals(ctx, booking.id)), status },
  });

  const linkages = booking.vendors;
  if (linkages.length > 0 && status !== 'cancelled') {
    const plan = planAllocation(
      received,
      linkages.map((l) => ({ bookingVendorId: l.id, agreedAmountCents: l.agreedAmountCents! })),
      payment.commissionBps,
      payment.reservationBps,
    );
    // A balance paid after completion is releasable at once (unless a dispute holds it).
    const dispute = status === 'completed' ? await openDisputeOf(ctx, booking.id) : null;
    const completion =
      status !== 'completed'
        ? { status: 'locked' as const }
        : dispute
          ? { status: 'held' as const, heldByDisputeId: dispute.id, heldReason: 'Dispute open' }
          : { status: 'eligible' as const, eligibleAt: now };
    const allocations = plan.map((part, i) => ({
      id: crypto.randomUUID(),
      orgId: ctx.orgId,
      bookingId: booking.id,
      paymentId: payment.id,
      bookingVendorId: part.bookingVendorId,
      vendorId: linkages[i]!.vendorId,
      grossCents: part.grossCents,
      commissionCents: part.commissionCents,
      netCents: part.netCents,
      currency: payment.currency,
    }));
    await ctx.tx.payoutAllocation.createMany({ data: allocations });
    await ctx.tx.payout.createMany({
      data: allocations.flatMap((allocation, i) => {
        const base = {
          orgId: ctx.orgId,
          allocationId: allocation.id,
          bookingId: booking.id,
          vendorId: allocation.vendorId,
          currency: payment.currency,
        };
        return [
          { ...base, milestone: 'reservation' as const, amountCents: plan[i]!.reservationCents },
          {
            ...base,
            milestone: 'completion' as const,
            amountCents: plan[i]!.completionCents,
            ...completion,
          },
        ];
      }),
    });
  }
  await enqueueOutbox(ctx, {
    dedupeKey: `booking-payment:${payment.id}:succeeded`,
    channel: 'email',
    topic: 'booking.payment_received',
    recipient: booking.organizer.email,
    subject: `Payment received for booking #${booking.number}`,
    body: `We received ${formatMoney(received, payment.currency)} (${payment.kind}) for booking #${booking.number}.`,
  });
  return { bookingId: booking.id, appeared };
}

/**
 * Failed or canceled never overwrite a success, and a failure never overwrites a
 * cancel; either frees the booking for a new attempt.
 */
export async function bookingPaymentUnsuccessful(
  ctx: TenantContext,
  object: Record<string, unknown>,
  status: 'failed' | 'canceled',
) {
  const payment = await paymentFor(ctx, object);
  if (
    payment.status === 'succeeded' ||
    payment.status === status ||
    (payment.status === 'canceled' && status === 'failed')
  ) {
    return { bookingId: payment.bookingId };
  }
  const error = object.last_payment_error as { message?: string } | null | undefined;
  await ctx.tx.bookingPayment.update({
    where: { id: payment.id },
    data: {
      status,
      openBookingId: null,
      failureMessage: status === 'failed' ? (error?.message ?? 'The payment failed') : null,
    },
  });
  return { bookingId: payment.bookingId };
}

/**
 * Refund totals take the charge's cumulative amount (never add), and the booking's
 * totals are recomputed from its payments. A refund of a payment Souk has not seen
 * succeed waits for the success instead of being capped at nothing.
 */
export async function bookingChargeRefunded(ctx: TenantContext, object: Record<string, unknown>) {
  const found = await paymentFor(ctx, object);
  if (found.status !== 'succeeded') {
    throw new MissingTargetError(
      `refund of booking payment ${found.processorPaymentIntentId}, which has not succeeded in Souk yet`,
      found.processorPaymentIntentId,
    );
  }
  const booking = await lockBooking(ctx, found.bookingId);
  const payment = await ctx.tx.bookingPayment.findUniqueOrThrow({ where: { id: found.id } });
  const refunded = Math.min(
    Math.max(payment.amountRefundedCents, int(object.amount_refunded)),
    payment.amountCents,
  );
  if (refunded === payment.amountRefundedCents) return { bookingId: booking.id };
  await ctx.tx.bookingPayment.update({
    where: { id: payment.id },
    data: { amountRefundedCents: refunded },
  });
  await ctx.tx.ledgerEntry.upsert({
    where: { paymentId_type: { paymentId: payment.id, type: 'refund' } },
    create: {
      orgId: ctx.orgId,
      bookingId: booking.id,
      paymentId: payment.id,
      type: 'refund',
      amountCents: refunded,
      currency: payment.currency,
    },
    update: { amountCents: refunded },
  });
  await ctx.tx.booking.update({
    where: { id: booking.id },
    data: await bookingTotals(ctx, booking.id),
  });
  return { bookingId: booking.id };
}
