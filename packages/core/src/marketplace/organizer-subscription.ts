import type { TenantContext } from '../context';

export interface SubscriptionView {
  status: 'none' | 'trial' | 'active' | 'cancelled' | 'incomplete';
  trialEndsAt: Date | null;
  /** Trial (not yet ended) or active: template details and the planner are open. */
  hasAccess: boolean;
  /** Without access: why, in words, and what to do next (null with access). */
  accessNote: string | null;
  /** The free trial is spent: only a paid plan opens access again. */
  needsPayment: boolean;
}

export const PAID_PLAN_NOTE =
  'Your free trial has been used: template details need a paid plan. Contact us to choose a plan; your access opens as soon as it is paid.';

function accessNoteOf(status: SubscriptionView['status'], trialOver: boolean): string | null {
  if (status === 'active') return null;
  if (status === 'trial') return trialOver ? PAID_PLAN_NOTE : null;
  if (status === 'incomplete') return PAID_PLAN_NOTE;
  if (status === 'cancelled')
    return 'Your subscription is cancelled: restart it to see template details.';
  return 'Template details need a subscription: start a free trial to see them.';
}

/** An organizer's subscription as they see it: status, access, and what to do without it. */
export async function subscriptionOf(
  ctx: TenantContext,
  userId: string,
  now = new Date(),
): Promise<SubscriptionView> {
  const row = await ctx.tx.organizerSubscription.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId } },
  });
  if (!row) {
    return {
      status: 'none',
      trialEndsAt: null,
      hasAccess: false,
      accessNote: accessNoteOf('none', false),
      needsPayment: false,
    };
  }
  const trialLive = row.status === 'trial' && (!row.trialEndsAt || row.trialEndsAt > now);
  const trialOver = row.status === 'trial' && !trialLive;
  return {
    status: row.status,
    trialEndsAt: row.trialEndsAt,
    hasAccess: row.status === 'active' || trialLive,
    accessNote: accessNoteOf(row.status, trialOver),
    needsPayment: row.status === 'incomplete' || trialOver,
  };
}
