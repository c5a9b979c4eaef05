import type { Payment } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';

/** Refund rows still counted against a payment: money gone or on its way. */
const COUNTED = ['pending', 'succeeded'] as const;

/** Order statuses that took money and may give some back. */
export function isRefundableOrderStatus(status: string): boolean {
  return status === 'paid' || status === 'fulfilled';
}

/** Payments that took money; a fully refunded one still did. */
const COLLECTED = ['succeeded', 'refunded'];

export interface RefundablePayment {
  payment: Payment;
  refundableCents: number;
}

/**
 * What can still be refunded on each of an order's payments. The processor's
 * cumulative figure (`amountRefundedCents`, set by charge.refunded) and Souk's own
 * refund rows overlap, so the larger of the two counts, never their sum: a webhook
 * arriving before or after the refund is recorded changes nothing.
 */
export async function refundablePayments(
  ctx: TenantContext,
  invoiceId: string,
): Promise<RefundablePayment[]> {
  const payments = await ctx.tx.payment.findMany({
    where: { invoiceId, status: { in: COLLECTED } },
    orderBy: { createdAt: 'asc' },
  });
  const sums = await ctx.tx.refund.groupBy({
    by: ['paymentId'],
    where: { paymentId: { in: payments.map((p) => p.id) }, status: { in: [...COUNTED] } },
    _sum: { amountCents: true },
  });
  const byPayment = new Map(sums.map((s) => [s.paymentId, s._sum.amountCents ?? 0]));
  return payments.map((payment) => {
    const refunded = Math.max(payment.amountRefundedCents, byPayment.get(payment.id) ?? 0);
    return { payment, refundableCents: Math.max(payment.amountCents - refunded, 0) };
  });
}

/** The order (of this org) with its invoice row locked, so refunds of it run one at a time. */
export async function lockOrderForRefund(ctx: TenantContext, orderId: string) {
  const order = await ctx.tx.order.findUnique({ where: { id: orderId } });
  if (!order) throw AppError.notFound('Order');
  // Charge events lock the same row (settle-invoice.ts), so they wait for us and we for them.
  const locked = await ctx.tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM invoices WHERE "orderId" = ${order.id}::uuid FOR UPDATE`;
  return { order, invoiceId: locked[0]?.id ?? null };
}
