import type { TenantContext } from '../context';
import { formatMoney } from '../money';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { int, MissingTargetError, metadataOf, str } from '../payments/events/missing-target';
import { lockBooking } from './booking-access';
import { openDisputeOf } from './disputes';
import { planAllocation } from './split';

/**
 * True when a processor object belongs to a marketplace booking rather than a
 * storefront invoice: by its metadata, or (a charge without metadata) by its PaymentIntent.
 */
export async function isBookingObject(
  ctx: TenantContext,
  object: Record<string, unknown>,
): Promise<boolean> {
  if (str(metadataOf(object).bookingId)) return true;
  const paymentIntentId = object.object === 'charge' ? str(object.payment_intent) : null;
  if (!paymentIntentId) return false;
  const payment = await ctx.tx.bookingPayment.findUnique({
    where: { processorPaymentIntentId: paymentIntentId },
    select: { id: true },
  });
  return payment !== null;
}

async function paymentFor(ctx: TenantContext, object: Record<string, unknown>) {
  const paymentIntentId = str(object.object === 'charge' ? object.payment_intent : object.id);
  const payment = paymentIntentId
    ? await ctx.tx.bookingPayment.findUnique({
        where: { processorPaymentIntentId: paymentIntentId },
      })
    : null;
  if (!payment) {
    throw new MissingTargetError(`booking payment ${paymentIntentId ?? '(no id)'} not found`);
  }
  return payment;
}

/**
 * Locks the booking a PaymentIntent (or its charge) pays, in one statement, and
 * reads the payment after the lock so a concurrent delivery's result is visible.
 */
async function lockByPaymentIntent(ctx: TenantContext, object: Record<string, unknown>) {
  const paymentIntentId = str(object.object === 'charge' ? object.payment_intent : object.id);
  const locked = paymentIntentId
    ? await ctx.tx.$queryRaw<{ id: string }[]>`
        SELECT b.id FROM booking_payments p JOIN bookings b ON b.id = p."bookingId"
        WHERE p."processorPaymentIntentId" = ${paymentIntentId} FOR UPDATE OF b`
    : [];
  if (!paymentIntentId || locked.length === 0) {
    throw new MissingTargetError(`booking payment ${paymentIntentId ?? '(no id)'} not found`);
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
  if (payment.status === 'succeeded') return { bookingId: booking.id };
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
    data: { amountPaidCents: { increment: received }, status },
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
  return { bookingId: booking.id };
}

/** Failed or canceled never overwrite a success; either frees the booking for a new attempt. */
export async function bookingPaymentUnsuccessful(
  ctx: TenantContext,
  object: Record<string, unknown>,
  status: 'failed' | 'canceled',
) {
  const payment = await paymentFor(ctx, object);
  if (payment.status === 'succeeded' || payment.status === status)
    return { bookingId: payment.bookingId };
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

/** Refund totals only grow (events arrive in any order); the booking's total follows its payments. */
export async function bookingChargeRefunded(ctx: TenantContext, object: Record<string, unknown>) {
  const found = await paymentFor(ctx, object);
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
  const totals = await ctx.tx.bookingPayment.aggregate({
    where: { bookingId: booking.id },
    _sum: { amountRefundedCents: true },
  });
  await ctx.tx.booking.update({
    where: { id: booking.id },
    data: {
      amountRefundedCents: Math.min(totals._sum.amountRefundedCents ?? 0, booking.amountPaidCents),
    },
  });
  return { bookingId: booking.id };
}
