import type { z } from 'zod';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { coreEnv } from '../env';
import { actorOrThrow } from './gateway';
import type { setSubscriptionInput, templateInput, updateTemplateInput } from './schemas';

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
  status: 'none' | 'trial' | 'active' | 'cancelled';
  trialEndsAt: Date | null;
  /** Trial (not yet ended) or active: template details and the planner are open. */
  hasAccess: boolean;
}

export async function subscriptionOf(
  ctx: TenantContext,
  userId: string,
  now = new Date(),
): Promise<SubscriptionView> {
  const row = await ctx.tx.organizerSubscription.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId } },
  });
  if (!row) return { status: 'none', trialEndsAt: null, hasAccess: false };
  const trialLive = row.status === 'trial' && (!row.trialEndsAt || row.trialEndsAt > now);
  return {
    status: row.status,
    trialEndsAt: row.trialEndsAt,
    hasAccess: row.status === 'active' || trialLive,
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
        'Template details need a trial or active subscription: start a free trial to see them',
        { reason: 'subscription_required' },
      );
    }
  }
  return template;
}

export async function startSubscription({ ctx }: { ctx: TenantContext }) {
  const actor = actorOrThrow(ctx);
  const current = await ctx.tx.organizerSubscription.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId: actor.userId } },
  });
  if (current && (current.status === 'active' || current.status === 'trial')) {
    return subscriptionOf(ctx, actor.userId);
  }
  // One free trial per organizer; a returning organizer resumes as active.
  const status = current ? 'active' : 'trial';
  const trialEndsAt =
    status === 'trial' ? new Date(Date.now() + coreEnv.TEMPLATE_TRIAL_DAYS * 86_400_000) : null;
  await ctx.tx.organizerSubscription.upsert({
    where: { orgId_userId: { orgId: ctx.orgId, userId: actor.userId } },
    create: { orgId: ctx.orgId, userId: actor.userId, status, trialEndsAt },
    update: { status, trialEndsAt, cancelledAt: null },
  });
  return subscriptionOf(ctx, actor.userId);
}

export async function cancelSubscription({ ctx }: { ctx: TenantContext }) {
  const actor = actorOrThrow(ctx);
  await ctx.tx.organizerSubscription.updateMany({
    where: { userId: actor.userId, status: { in: ['trial', 'active'] } },
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

/** Admin: organizers (customers) with their subscription, for the override form. */
export async function listOrganizerSubscriptions({ ctx }: { ctx: TenantContext }) {
  const members = await ctx.tx.membership.findMany({
    where: { role: 'CUSTOMER' },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: 'asc' },
    take: 500,
  });
  const subscriptions = await ctx.tx.organizerSubscription.findMany({
    where: { userId: { in: members.map((m) => m.userId) } },
  });
  const byUser = new Map(subscriptions.map((s) => [s.userId, s]));
  return members.map((m) => ({
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    status: byUser.get(m.userId)?.status ?? 'none',
    trialEndsAt: byUser.get(m.userId)?.trialEndsAt ?? null,
  }));
}
