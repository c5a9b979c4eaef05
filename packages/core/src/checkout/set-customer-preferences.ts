import type { TenantContext } from '../context';

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
