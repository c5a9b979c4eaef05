import type { TenantContext } from '../context';
import { AppError } from '../errors';

/** The order's id and number, or a not-found error the admin sees. */
export async function findOrderOrThrow(ctx: TenantContext, orderId: string) {
  const order = await ctx.tx.order.findUnique({
    where: { id: orderId },
    select: { id: true, number: true },
  });
  if (!order) throw AppError.notFound('Order');
  return order;
}
