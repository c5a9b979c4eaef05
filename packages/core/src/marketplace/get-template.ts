import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { actorOrThrow } from './gateway';
import { PAID_PLAN_NOTE, subscriptionOf } from './organizer-subscription';

/** Template details are the paid part: trial or active subscription, or staff. */
export async function getTemplate({
  ctx,
  id,
  staff,
}: {
  ctx: TenantContext;
  id: string;
  staff: boolean;
}) {
  const template = await ctx.tx.eventTemplate.findUnique({ where: { id } });
  if (!template) throw AppError.notFound('Template');
  if (!staff) {
    const subscription = await subscriptionOf(ctx, actorOrThrow(ctx).userId);
    if (!subscription.hasAccess) {
      throw new AppError(
        'FORBIDDEN',
        subscription.needsPayment
          ? `Template details need a trial or active subscription. ${PAID_PLAN_NOTE}`
          : 'Template details need a trial or active subscription: start a free trial to see them',
        { reason: subscription.needsPayment ? 'payment_required' : 'subscription_required' },
      );
    }
  }
  return template;
}
