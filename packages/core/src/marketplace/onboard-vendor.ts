import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { actorOrThrow } from './gateway';
import { getMyVendor } from './get-my-vendor';
import type { OnboardVendorInput } from './schemas';

/**
 * Self-service onboarding: a customer (or a vendor sent back for changes) files a
 * profile; it waits for an admin. The membership becomes VENDOR so the portal opens.
 */
export async function onboardVendor({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: OnboardVendorInput;
}) {
  const actor = actorOrThrow(ctx);
  const existing = await getMyVendor({ ctx });
  if (existing && existing.status !== 'needs_changes') {
    throw new AppError('CONFLICT', `You already have a vendor profile (${existing.status})`);
  }
  const data = {
    type: input.type,
    displayName: input.displayName,
    description: input.description,
    city: input.city,
    status: 'pending' as const,
  };
  const vendor = existing
    ? await ctx.tx.vendor.update({ where: { id: existing.id }, data })
    : await ctx.tx.vendor.create({ data: { ...data, orgId: ctx.orgId, userId: actor.userId } });
  if (actor.role === 'CUSTOMER') {
    await ctx.tx.membership.update({
      where: { orgId_userId: { orgId: ctx.orgId, userId: actor.userId } },
      data: { role: 'VENDOR' },
    });
  }
  await recordAudit(ctx, {
    action: existing ? 'vendor.resubmitted' : 'vendor.onboarded',
    entityType: 'vendor',
    entityId: vendor.id,
    before: existing,
    after: vendor,
  });
  return vendor;
}
