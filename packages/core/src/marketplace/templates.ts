import type { z } from 'zod';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { coreEnv } from '../env';
import { actorOrThrow } from './gateway';
import type {
  listSubscriptionsInput,
  setSubscriptionInput,
  templateInput,
  updateTemplateInput,
} from './schemas';
import { pageArgs } from '../page';

const publicTemplateSelect = {
  id: true,
  name: true,
  summary: true,
  suggestedGuests: true,
} as const;

export function listTemplates({ ctx }: { ctx: TenantContext }) {
  return ctx.tx.eventTemplate.findMany({ select: publicTemplateSelect, orderBy: { name: 'asc' } });
}

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

const PAID_PLAN_NOTE =
  'Your free trial has been used: template details need a paid plan. Contact us to choose a plan; your access opens as soon as it is paid.';

function accessNoteOf(status: SubscriptionView['status'], trialOver: boolean): string | null {
  if (status === 'active') return null;
  if (status === 'trial') return trialOver ? PAID_PLAN_NOTE : null;
  if (status === 'incomplete') return PAID_PLAN_NOTE;
  if (status === 'cancelled')
    return 'Your subscription is cancelled: restart it to see template details.';
  return 'Template details need a subscription: start a free trial to see them.';
}

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

export function getMySubscription({ ctx }: { ctx: TenantContext }) {
  return subscriptionOf(ctx, actorOrThrow(ctx).userId);
}

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

export async function cancelSubscription({ ctx }: { ctx: TenantContext }) {
  const actor = actorOrThrow(ctx);
  await ctx.tx.organizerSubscription.updateMany({
    where: { userId: actor.userId, status: { in: ['trial', 'active', 'incomplete'] } },
    data: { status: 'cancelled', cancelledAt: new Date() },
  });
  return subscriptionOf(ctx, actor.userId);
}

export async function adminSetSubscription({
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

/** Template media must be stored template_media uploads of this org (checked, not trusted). */
async function checkMedia(ctx: TenantContext, ids: readonly string[] | undefined) {
  if (!ids?.length) return;
  const found = await ctx.tx.upload.count({
    where: { id: { in: [...ids] }, kind: 'template_media', status: 'stored' },
  });
  if (found !== new Set(ids).size) {
    throw AppError.field('mediaUploadIds', 'Attach only template media that finished uploading');
  }
}

export async function createTemplate({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof templateInput>;
}) {
  await checkMedia(ctx, input.mediaUploadIds);
  const template = await ctx.tx.eventTemplate.create({ data: { ...input, orgId: ctx.orgId } });
  await recordAudit(ctx, {
    action: 'template.created',
    entityType: 'event_template',
    entityId: template.id,
    after: template,
  });
  return template;
}

export async function updateTemplate({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof updateTemplateInput>;
}) {
  const { id, ...data } = input;
  await checkMedia(ctx, data.mediaUploadIds);
  const before = await ctx.tx.eventTemplate.findUnique({ where: { id } });
  if (!before) throw AppError.notFound('Template');
  const after = await ctx.tx.eventTemplate.update({ where: { id }, data });
  await recordAudit(ctx, {
    action: 'template.updated',
    entityType: 'event_template',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function deleteTemplate({ ctx, id }: { ctx: TenantContext; id: string }) {
  const before = await ctx.tx.eventTemplate.findUnique({ where: { id } });
  if (!before) throw AppError.notFound('Template');
  // Bookings keep their history; their template link is cleared by the foreign key.
  await ctx.tx.eventTemplate.delete({ where: { id } });
  await recordAudit(ctx, {
    action: 'template.deleted',
    entityType: 'event_template',
    entityId: id,
    before,
  });
  return { id };
}

/** Admin: organizers (customers, and vendors who organize) with their subscription, for the override form. */
export async function listOrganizerSubscriptions({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listSubscriptionsInput>;
}) {
  // Vendors organize events too (a customer who onboarded keeps organizing).
  const where = { role: { in: ['CUSTOMER' as const, 'VENDOR' as const] } };
  const [total, members] = await Promise.all([
    ctx.tx.membership.count({ where }),
    ctx.tx.membership.findMany({
      where,
      include: { user: { select: { id: true, email: true, name: true } } },
      // userId breaks createdAt ties so no organizer falls between two pages.
      orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
      ...pageArgs(input),
    }),
  ]);
  const subscriptions = await ctx.tx.organizerSubscription.findMany({
    where: { userId: { in: members.map((m) => m.userId) } },
  });
  const byUser = new Map(subscriptions.map((s) => [s.userId, s]));
  const rows = members.map((m) => ({
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    status: byUser.get(m.userId)?.status ?? 'none',
    trialEndsAt: byUser.get(m.userId)?.trialEndsAt ?? null,
  }));
  return { total, rows };
}
