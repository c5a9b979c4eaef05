import type { z } from 'zod';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { setSubscriptionInput } from './schemas';
import { subscriptionOf } from './organizer-subscription';

/** Staff override of an organizer's subscription (a paid plan, a new trial, a cancel). */
export async function setOrganizerSubscription({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof setSubscriptionInput>;
}) {
  const member = await ctx.tx.membership.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId: input.userId } },
  });
  if (!member) throw AppError.field('userId', 'That user is not a member of this organization');
  const before = await ctx.tx.organizerSubscription.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId: input.userId } },
  });
  const data = {
    status: input.status,
    trialEndsAt: input.status === 'trial' ? input.trialEndsAt : null,
    cancelledAt: input.status === 'cancelled' ? new Date() : null,
    setById: ctx.actor?.userId ?? null,
  };
  const after = await ctx.tx.organizerSubscription.upsert({
    where: { orgId_userId: { orgId: ctx.orgId, userId: input.userId } },
    create: { orgId: ctx.orgId, userId: input.userId, ...data },
    update: data,
  });
  await recordAudit(ctx, {
    action: 'subscription.set',
    entityType: 'organizer_subscription',
    entityId: after.id,
    before,
    after,
  });
  return subscriptionOf(ctx, input.userId);
}
