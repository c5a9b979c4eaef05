import type { TenantContext } from '../context';
import { MissingTargetError, metadataOf, str } from '../payments/events/missing-target';

/**
 * account.updated: the processor tells us a vendor's connected account changed
 * (onboarding finished, payouts paused). Payout approval re-checks anyway; this
 * keeps the portal and the admin list current without waiting for that.
 */
export async function connectedAccountUpdated(ctx: TenantContext, object: Record<string, unknown>) {
  const accountId = str(object.id);
  const vendorId = str(metadataOf(object).vendorId);
  const vendor = accountId
    ? await ctx.tx.vendor.findFirst({
        where: { connectedAccountId: accountId, ...(vendorId ? { id: vendorId } : {}) },
      })
    : null;
  if (!vendor)
    throw new MissingTargetError(`vendor with account ${accountId ?? '(none)'} not found`);
  await ctx.tx.vendor.update({
    where: { id: vendor.id },
    data: { payoutsEnabled: object.payouts_enabled === true },
  });
  return {};
}
