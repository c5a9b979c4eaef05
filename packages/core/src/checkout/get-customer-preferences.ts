import type { TenantContext } from '../context';

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
