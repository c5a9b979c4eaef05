import type { TenantContext } from '../../context';
import type { EventMeta } from './handler';
import { MissingTargetError, metadataOf, str } from './missing-target';

/**
 * account.updated: the processor tells us a vendor's connected account changed
 * (onboarding finished, payouts paused). Payout approval re-checks anyway; this
 * keeps the portal and the admin list current without waiting for that. The
 * flag can go both ways, so an event older than the last one applied is ignored.
 */
export async function connectedAccountUpdated(
  ctx: TenantContext,
  object: Record<string, unknown>,
  meta: EventMeta,
) {
  const accountId = str(object.id);
  const vendorId = str(metadataOf(object).vendorId);
  const vendor = accountId
    ? await ctx.tx.vendor.findFirst({
        where: { connectedAccountId: accountId, ...(vendorId ? { id: vendorId } : {}) },
      })
    : null;
  if (!vendor) {
    throw new MissingTargetError(
      `vendor with account ${accountId ?? '(none)'} not found`,
      accountId,
    );
  }
  const created = new Date(meta.created * 1000);
  await ctx.tx.vendor.updateMany({
    where: {
      id: vendor.id,
      OR: [{ accountSyncedAt: null }, { accountSyncedAt: { lte: created } }],
    },
    data: { payoutsEnabled: object.payouts_enabled === true, accountSyncedAt: created },
  });
  return {};
}
