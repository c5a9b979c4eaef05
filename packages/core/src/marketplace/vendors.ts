import { recordProcessorObject } from '../processor/processor-objects';
import type { z } from 'zod';
import type { OrgScope, TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { actorOrThrow } from './gateway';
import type {
  listVendorsInput,
  OnboardVendorInput,
  payoutSetupInput,
  publicVendorsInput,
  reviewVendorInput,
  setPayoutsDisabledInput,
  updateVendorProfileInput,
} from './schemas';
import { pageArgs, pageOf, NEWEST_FIRST } from '../page';

// What anyone may see of a vendor: never the user's email.
export const publicVendorSelect = {
  id: true,
  type: true,
  displayName: true,
  description: true,
  city: true,
} as const;

export async function myVendor(ctx: TenantContext) {
  const actor = actorOrThrow(ctx);
  return ctx.tx.vendor.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId: actor.userId } },
  });
}

export async function requireMyVendor(ctx: TenantContext) {
  const vendor = await myVendor(ctx);
  if (!vendor) throw new AppError('FORBIDDEN', 'You do not have a vendor profile yet');
  return vendor;
}

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
  const existing = await myVendor(ctx);
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

export async function updateVendorProfile({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof updateVendorProfileInput>;
}) {
  const vendor = await requireMyVendor(ctx);
  return ctx.tx.vendor.update({ where: { id: vendor.id }, data: input });
}

/**
 * Opens (or reuses) the vendor's connected account and returns the processor's
 * onboarding link. The account is made outside any transaction, keyed by the vendor,
 * so concurrent clicks get the one account; the transaction after it records it.
 */
export async function startPayoutSetup({
  scope,
  input,
}: {
  scope: OrgScope;
  input: z.infer<typeof payoutSetupInput>;
}) {
  const actor = actorOrThrow(scope);
  const vendor = await scope.transaction((ctx) => requireMyVendor(ctx));
  const processor = await scope.gateway();
  let accountId = vendor.connectedAccountId;
  if (!accountId) {
    const account = await processor.createConnectedAccount({
      idempotencyKey: `vendor:${vendor.id}:account`,
      email: actor.email,
      displayName: vendor.displayName,
      metadata: { orgId: scope.orgId, vendorId: vendor.id },
    });
    accountId = account.id;
    await scope.transaction(async (ctx) => {
      await ctx.tx.vendor.updateMany({
        where: { id: vendor.id, connectedAccountId: null },
        data: { connectedAccountId: account.id, payoutsEnabled: account.payoutsEnabled },
      });
      await recordProcessorObject(ctx.tx, ctx.orgId, {
        id: account.id,
        kind: 'account',
        vendorId: vendor.id,
      });
    });
  }
  const link = await processor.createAccountOnboardingLink({
    accountId,
    returnUrl: input.returnUrl,
    refreshUrl: input.refreshUrl,
  });
  return { url: link.url, accountId };
}

/** Asks the processor (outside any transaction) whether the connected account can receive transfers now. */
export async function refreshPayoutStatus({ scope }: { scope: OrgScope }) {
  const vendor = await scope.transaction((ctx) => requireMyVendor(ctx));
  const { connectedAccountId } = vendor;
  if (!connectedAccountId) return vendor;
  const account = await (await scope.gateway()).retrieveConnectedAccount(connectedAccountId);
  return scope.transaction((ctx) =>
    ctx.tx.vendor.update({
      where: { id: vendor.id },
      data: { payoutsEnabled: account.payoutsEnabled },
    }),
  );
}

export async function listPublicVendors({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof publicVendorsInput>;
}) {
  const where = { status: 'approved' as const, ...(input.type ? { type: input.type } : {}) };
  const total = await ctx.tx.vendor.count({ where });
  const rows = await ctx.tx.vendor.findMany({
    where,
    select: publicVendorSelect,
    // id breaks ties between equal names so no vendor falls between two pages.
    orderBy: [{ type: 'asc' }, { displayName: 'asc' }, { id: 'asc' }],
    ...pageArgs(input),
  });
  return pageOf(input, total, rows);
}

export async function listVendors({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listVendorsInput>;
}) {
  const where = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.type ? { type: input.type } : {}),
  };
  const total = await ctx.tx.vendor.count({ where });
  const rows = await ctx.tx.vendor.findMany({
    where,
    include: { user: { select: { email: true } } },
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
  });
  return pageOf(input, total, rows);
}

async function vendorOrThrow(ctx: TenantContext, id: string) {
  const vendor = await ctx.tx.vendor.findUnique({ where: { id } });
  if (!vendor) throw AppError.notFound('Vendor');
  return vendor;
}

export async function reviewVendor({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof reviewVendorInput>;
}) {
  const before = await vendorOrThrow(ctx, input.id);
  const after = await ctx.tx.vendor.update({
    where: { id: before.id },
    data: {
      status: input.decision === 'approve' ? 'approved' : 'needs_changes',
      reviewNote: input.note ?? null,
      reviewedAt: new Date(),
    },
    include: { user: { select: { email: true } } },
  });
  await recordAudit(ctx, {
    action: input.decision === 'approve' ? 'vendor.approved' : 'vendor.changes_requested',
    entityType: 'vendor',
    entityId: before.id,
    before,
    after,
  });
  await enqueueOutbox(ctx, {
    dedupeKey: `vendor:${before.id}:review:${after.reviewedAt!.toISOString()}`,
    channel: 'email',
    topic: 'vendor.reviewed',
    recipient: after.user.email,
    subject:
      input.decision === 'approve'
        ? `${after.displayName} is approved on Souk`
        : `${after.displayName}: changes needed`,
    body:
      input.decision === 'approve'
        ? `Your vendor profile is approved. Organizers can now book you.${input.note ? `\n\n${input.note}` : ''}`
        : `Please update your vendor profile:\n\n${input.note}`,
  });
  return after;
}

export async function setPayoutsDisabled({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof setPayoutsDisabledInput>;
}) {
  const before = await vendorOrThrow(ctx, input.id);
  const after = await ctx.tx.vendor.update({
    where: { id: before.id },
    data: { payoutsDisabled: input.disabled, reviewNote: input.note ?? before.reviewNote },
  });
  await recordAudit(ctx, {
    action: input.disabled ? 'vendor.payouts_disabled' : 'vendor.payouts_enabled',
    entityType: 'vendor',
    entityId: before.id,
    before,
    after,
  });
  return after;
}
