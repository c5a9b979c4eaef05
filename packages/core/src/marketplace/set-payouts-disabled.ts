import type { z } from 'zod';
import type { TenantContext } from '../context';
import { recordAudit } from '../audit/record-audit';
import type { setPayoutsDisabledInput } from './schemas';
import { vendorOrThrow } from './vendor-lookup';

export async function setPayoutsDisabled({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof setPayoutsDisabledInput>;
}) {
  const before = await vendorOrThrow(ctx, input.id);
  const after = await ctx.tx.vendor.update({
    where: { id: before.id },
    data: { payoutsDisabled: input.disabled, reviewNote: input.note ?? before.reviewNote },
  });
  await recordAudit(ctx, {
    action: input.disabled ? 'vendor.payouts_disabled' : 'vendor.payouts_enabled',
    entityType: 'vendor',
    entityId: before.id,
    before,
    after,
  });
  return after;
}
