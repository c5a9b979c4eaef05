import type { SubscriptionStatus } from '@souk/db';
import type { TenantContext } from '../context';
import { actorOrThrow } from './gateway';
import { subscriptionOf } from './organizer-subscription';

export interface PlannerAccess {
  allowed: boolean;
  subscriptionStatus: SubscriptionStatus;
  /** Without access: `payment_required` (trial used) or `subscription_required`. */
  reason: 'payment_required' | 'subscription_required' | null;
  /** Without access: why, in words, and what to do next. */
  message: string | null;
}

/** Spec 004 `GET /planner/access-check`: the planner opens with a live trial or an active plan. */
export async function checkPlannerAccess({ ctx }: { ctx: TenantContext }): Promise<PlannerAccess> {
  const subscription = await subscriptionOf(ctx, actorOrThrow(ctx).userId);
  if (subscription.hasAccess) {
    return { allowed: true, subscriptionStatus: subscription.status, reason: null, message: null };
  }
  return {
    allowed: false,
    subscriptionStatus: subscription.status,
    reason: subscription.needsPayment ? 'payment_required' : 'subscription_required',
    message: subscription.needsPayment
      ? 'The planner needs a paid plan: your free trial has been used. Contact us to choose a plan.'
      : subscription.status === 'cancelled'
        ? 'The planner needs a subscription: yours is cancelled, restart it to plan again.'
        : 'The planner needs a subscription: start a free trial to use it.',
  };
}
