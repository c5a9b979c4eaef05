import type { TenantContext } from '../context';
import { actorOrThrow } from './gateway';
import { subscriptionOf } from './organizer-subscription';

export function getMySubscription({ ctx }: { ctx: TenantContext }) {
  return subscriptionOf(ctx, actorOrThrow(ctx).userId);
}
