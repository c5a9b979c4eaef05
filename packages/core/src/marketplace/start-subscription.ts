import type { TenantContext } from '../context';
import { coreEnv } from '../env';
import { actorOrThrow } from './gateway';
import { subscriptionOf } from './organizer-subscription';

/**
 * One free trial per organizer. A first start opens the trial; a restart while the
 * trial's days remain resumes it until the same end; any other restart (trial spent,
 * paid plan cancelled) waits for payment as `incomplete`: there is no free way back.
 */
export async function startSubscription({
  ctx,
  now = new Date(),
}: {
  ctx: TenantContext;
  now?: Date;
}) {
  const actor = actorOrThrow(ctx);
  const current = await ctx.tx.organizerSubscription.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId: actor.userId } },
  });
  const trialLeft = current?.trialEndsAt != null && current.trialEndsAt > now;
  if (
    current &&
    (current.status === 'active' ||
      current.status === 'incomplete' ||
      (current.status === 'trial' && (trialLeft || !current.trialEndsAt)))
  ) {
    return subscriptionOf(ctx, actor.userId, now);
  }
  const status = !current ? 'trial' : trialLeft ? 'trial' : 'incomplete';
  const trialEndsAt = !current
    ? new Date(now.getTime() + coreEnv.TEMPLATE_TRIAL_DAYS * 86_400_000)
    : (current.trialEndsAt ?? null);
  await ctx.tx.organizerSubscription.upsert({
    where: { orgId_userId: { orgId: ctx.orgId, userId: actor.userId } },
    create: { orgId: ctx.orgId, userId: actor.userId, status, trialEndsAt },
    update: { status, trialEndsAt, cancelledAt: null },
  });
  return subscriptionOf(ctx, actor.userId, now);
}
