import type { z } from 'zod';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { isRefundableOrderStatus, refundablePayments } from './refundable';
import type { orderRefundsInput } from './refund-schemas';

/**
 * An order's refunds, newest first, with what is still refundable: what the refund
 * panel shows and defaults its amount to.
 */
export async function listOrderRefunds({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof orderRefundsInput>;
}) {
  const order = await ctx.tx.order.findUnique({
    where: { id: input.orderId },
    select: { id: true, status: true, currency: true, customerEmail: true, invoice: true },
  });
  if (!order) throw AppError.notFound('Order');
  const payments = order.invoice ? await refundablePayments(ctx, order.invoice.id) : [];
  const items = await ctx.tx.refund.findMany({
    where: { orderId: order.id },
    orderBy: { createdAt: 'desc' },
  });
  return {
    orderId: order.id,
    currency: order.currency,
    customerEmail: order.customerEmail,
    // One refund goes to one payment, so the most a single refund can take is the largest.
    refundableCents: isRefundableOrderStatus(order.status)
      ? Math.max(0, ...payments.map((p) => p.refundableCents))
      : 0,
    items,
  };
}
