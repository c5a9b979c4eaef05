import type { TenantContext } from '../context';
import { NEWEST_FIRST, pageArgs, pageOf } from '../page';
import type { MyOrdersInput } from './schemas';
import { resumeToken } from './resume-token';

/** The signed-in customer's orders, newest first and paged, with a resume link while unpaid. */
export async function listCustomerOrders({
  ctx,
  userId,
  input = { page: 1, pageSize: 20 },
}: {
  ctx: TenantContext;
  userId: string;
  input?: MyOrdersInput;
}) {
  const where = { customerId: userId };
  const orders = await ctx.tx.order.findMany({
    where,
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
    include: {
      items: { select: { productName: true, quantity: true } },
      orchestration: { select: { stage: true } },
    },
  });
  const total = await ctx.tx.order.count({ where });
  const items = orders.map((o) => ({
    id: o.id,
    number: o.number,
    status: o.status,
    totalCents: o.totalCents,
    currency: o.currency,
    createdAt: o.createdAt,
    items: o.items,
    stage: o.orchestration?.stage ?? 'payment',
    resumeToken: o.status === 'pending_payment' ? resumeToken(o.id) : null,
  }));
  return pageOf(input, total, items);
}
