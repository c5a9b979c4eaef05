import type { TenantContext } from '../../context';
import { int, MissingTargetError, str } from './missing-target';

/** Refund totals only grow: an older, smaller refund event never lowers them. */
export async function chargeRefunded(ctx: TenantContext, object: Record<string, unknown>) {
  const paymentIntentId = str(object.payment_intent);
  const payment = paymentIntentId
    ? await ctx.tx.payment.findUnique({ where: { processorPaymentIntentId: paymentIntentId } })
    : null;
  if (!payment) throw new MissingTargetError(`payment ${paymentIntentId ?? '(none)'} not found`);
  await ctx.tx.$queryRaw`SELECT id FROM invoices WHERE id = ${payment.invoiceId}::uuid FOR UPDATE`;
  const refunded = Math.min(
    Math.max(payment.amountRefundedCents, int(object.amount_refunded)),
    payment.amountCents,
  );
  await ctx.tx.payment.update({
    where: { id: payment.id },
    data: {
      amountRefundedCents: refunded,
      ...(refunded === payment.amountCents ? { status: 'refunded' } : {}),
    },
  });
  const totals = await ctx.tx.payment.aggregate({
    where: { invoiceId: payment.invoiceId },
    _sum: { amountRefundedCents: true },
  });
  const invoice = await ctx.tx.invoice.findUniqueOrThrow({ where: { id: payment.invoiceId } });
  const invoiceRefunded = Math.min(totals._sum.amountRefundedCents ?? 0, invoice.amountPaidCents);
  const isFull = invoice.amountPaidCents > 0 && invoiceRefunded >= invoice.amountPaidCents;
  await ctx.tx.invoice.update({
    where: { id: invoice.id },
    data: { amountRefundedCents: invoiceRefunded, ...(isFull ? { status: 'refunded' } : {}) },
  });
  if (isFull) {
    await ctx.tx.order.update({ where: { id: invoice.orderId }, data: { status: 'refunded' } });
  }
  return { invoiceId: invoice.id };
}
