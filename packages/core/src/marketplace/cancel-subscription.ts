import type { TenantContext } from '../context';
import { actorOrThrow } from './gateway';
import { subscriptionOf } from './organizer-subscription';

export async function cancelSubscription({ ctx }: { ctx: TenantContext }) {
  const actor = actorOrThrow(ctx);
  await ctx.tx.organizerSubscription.updateMany({
    where: { userId: actor.userId, status: { in: ['trial', 'active', 'incomplete'] } },
    data: { status: 'cancelled', cancelledAt: new Date() },
  });
  return subscriptionOf(ctx, actor.userId);
}
