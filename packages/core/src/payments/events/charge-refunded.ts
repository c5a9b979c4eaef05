import type { TenantContext } from '../../context';
import { int, MissingTargetError, paymentIntentIdOf } from './missing-target';
import { COLLECTED } from './payment-status';
import { lockInvoice, settleInvoice } from './settle-invoice';

/**
 * charge.refunded carries the charge's cumulative `amount_refunded`: the payment
 * takes the largest value seen (never adds), so repeats and late, smaller events
 * change nothing. A refund of a payment Souk has not seen succeed waits for it.
 */
export async function chargeRefunded(ctx: TenantContext, object: Record<string, unknown>) {
  const paymentIntentId = paymentIntentIdOf(object);
  const found = paymentIntentId
    ? await ctx.tx.payment.findUnique({ where: { processorPaymentIntentId: paymentIntentId } })
    : null;
  if (!found || !COLLECTED.includes(found.status)) {
    throw new MissingTargetError(
      `refund of payment ${paymentIntentId ?? '(none)'}, which has not succeeded in Souk yet`,
      paymentIntentId,
    );
  }
  await lockInvoice(ctx, found.invoiceId);
  const payment = await ctx.tx.payment.findUniqueOrThrow({ where: { id: found.id } });
  const refunded = Math.min(
    Math.max(payment.amountRefundedCents, int(object.amount_refunded)),
    payment.amountCents,
  );
  if (refunded !== payment.amountRefundedCents) {
    await ctx.tx.payment.update({
      where: { id: payment.id },
      data: {
        amountRefundedCents: refunded,
        ...(refunded === payment.amountCents ? { status: 'refunded' } : {}),
      },
    });
  }
  await settleInvoice(ctx, payment.invoiceId);
  return { invoiceId: payment.invoiceId };
}
