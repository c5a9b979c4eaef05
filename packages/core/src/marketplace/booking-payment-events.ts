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
 * payment_intent.succeeded for a booking, applied once however often it arrives:
 * the payment succeeds, the platform records the held funds, the booking is paid,
 * and this payment is allocated across vendors into locked payouts.
 */
export async function bookingPaymentSucceeded(ctx: TenantContext, object: Record<string, unknown>) {
  const found = await paymentFor(ctx, object);
  const booking = await lockBooking(ctx, found.bookingId);
  const payment = await ctx.tx.bookingPayment.findUniqueOrThrow({ where: { id: found.id } });
  if (payment.status === 'succeeded') return { bookingId: booking.id };
  const received = int(object.amount_received) || payment.amountCents;
  await ctx.tx.bookingPayment.update({
    where: { id: payment.id },
    data: {
      status: 'succeeded',
      openBookingId: null,
      succeededAt: new Date(),
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
  const paid = await ctx.tx.booking.update({
    where: { id: booking.id },
    data: {
      amountPaidCents: { increment: received },
      // A late success on a cancelled booking is recorded, never resurrects it (admin refunds).
      ...(booking.status === 'ready_for_payment' ? { status: 'paid' } : {}),
    },
  });

  const linkages = await ctx.tx.bookingVendor.findMany({
    where: { bookingId: booking.id, status: 'approved', agreedAmountCents: { gt: 0 } },
    orderBy: [{ role: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  if (linkages.length > 0 && paid.status !== 'cancelled') {
    const plan = planAllocation(
      received,
      linkages.map((l) => ({ bookingVendorId: l.id, agreedAmountCents: l.agreedAmountCents! })),
      payment.commissionBps,
      payment.reservationBps,
    );
    const dispute = await openDisputeOf(ctx, booking.id);
    const completionEligible = paid.status === 'completed';
    for (const [i, part] of plan.entries()) {
      const linkage = linkages[i]!;
      const allocation = await ctx.tx.payoutAllocation.create({
        data: {
          orgId: ctx.orgId,
          bookingId: booking.id,
          paymentId: payment.id,
          bookingVendorId: linkage.id,
          vendorId: linkage.vendorId,
          grossCents: part.grossCents,
          commissionCents: part.commissionCents,
          netCents: part.netCents,
          currency: payment.currency,
        },
      });
      const base = {
        orgId: ctx.orgId,
        allocationId: allocation.id,
        bookingId: booking.id,
        vendorId: linkage.vendorId,
        currency: payment.currency,
      };
      await ctx.tx.payout.createMany({
        data: [
          {
            ...base,
            milestone: 'reservation',
            amountCents: part.reservationCents,
            status: 'locked',
          },
          {
            ...base,
            milestone: 'completion',
            amountCents: part.completionCents,
            // A balance paid after completion is releasable at once (unless a dispute holds it).
            ...(completionEligible
              ? dispute
                ? { status: 'held', heldByDisputeId: dispute.id, heldReason: 'Dispute open' }
                : { status: 'eligible', eligibleAt: new Date() }
              : { status: 'locked' }),
          },
        ],
      });
    }
  }
  const organizer = await ctx.tx.user.findUniqueOrThrow({
    where: { id: booking.organizerId },
    select: { email: true },
  });
  await enqueueOutbox(ctx, {
    dedupeKey: `booking-payment:${payment.id}:succeeded`,
    channel: 'email',
    topic: 'booking.payment_received',
    recipient: organizer.email,
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
