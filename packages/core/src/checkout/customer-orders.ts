import type { TenantContext } from '../context';
import { resumeToken } from './resume-token';

/** The signed-in customer's orders, newest first, with a resume link while unpaid. */
export async function listCustomerOrders({ ctx, userId }: { ctx: TenantContext; userId: string }) {
  const orders = await ctx.tx.order.findMany({
    where: { customerId: userId },
    orderBy: { createdAt: 'desc' },
    take: 50,
    include: {
      items: { select: { productName: true, quantity: true } },
      orchestration: { select: { stage: true } },
    },
  });
  return orders.map((o) => ({
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
}

export async function getCustomerPreferences({
  ctx,
  userId,
}: {
  ctx: TenantContext;
  userId: string;
}) {
  const row = await ctx.tx.customerPreference.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId } },
  });
  return { orderUpdates: row?.orderUpdates ?? true };
}

export async function setCustomerPreferences({
  ctx,
  userId,
  orderUpdates,
}: {
  ctx: TenantContext;
  userId: string;
  orderUpdates: boolean;
}) {
  const row = await ctx.tx.customerPreference.upsert({
    where: { orgId_userId: { orgId: ctx.orgId, userId } },
    create: { orgId: ctx.orgId, userId, orderUpdates },
    update: { orderUpdates },
  });
  return { orderUpdates: row.orderUpdates };
}

/** Opted out of order updates? Unknown customers count as opted in (transactional mail). */
export async function wantsOrderUpdates(
  ctx: TenantContext,
  userId: string | null,
): Promise<boolean> {
  if (!userId) return true;
  return (await getCustomerPreferences({ ctx, userId })).orderUpdates;
}
