import type { TenantContext } from '../../context';
import { lockBooking } from '../../marketplace/booking-access';
import { int, MissingTargetError } from './missing-target';
import { bookingPaymentFor } from './booking-payment-target';

/** A booking's paid and refunded totals, recomputed from its payment rows. */
async function bookingTotals(ctx: TenantContext, bookingId: string) {
  // Sequential: queries in one interactive transaction share a single connection.
  const paid = await ctx.tx.bookingPayment.aggregate({
    where: { bookingId, status: 'succeeded' },
    _sum: { amountCents: true },
  });
  const refunded = await ctx.tx.bookingPayment.aggregate({
    where: { bookingId },
    _sum: { amountRefundedCents: true },
  });
  const amountPaidCents = paid._sum.amountCents ?? 0;
  return {
    amountPaidCents,
    amountRefundedCents: Math.min(refunded._sum.amountRefundedCents ?? 0, amountPaidCents),
  };
}

/**
 * Refund totals take the charge's cumulative amount (never add), and the booking's
 * totals are recomputed from its payments. A refund of a payment Souk has not seen
 * succeed waits for the success instead of being capped at nothing.
 */
export async function bookingChargeRefunded(ctx: TenantContext, object: Record<string, unknown>) {
  const found = await bookingPaymentFor(ctx, object);
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
