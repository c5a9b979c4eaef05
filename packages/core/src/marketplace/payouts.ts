import { recordProcessorObject } from '../processor/processor-objects';
import type { z } from 'zod';
import type { Payout, Prisma, Vendor } from '@souk/db';
import type { OrgScope, TenantContext } from '../context';
import { AppError } from '../errors';
import { formatMoney } from '../money';
import { recordAudit } from '../audit/record-audit';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { compensate } from '../processor/compensate';
import { requireMyVendor } from './vendors';
import { openDisputeOf } from './disputes';
import type {
  listPayoutsInput,
  payoutActionInput,
  payoutHoldInput,
  vendorPayoutsInput,
} from './schemas';
import { pageArgs, pageOf } from '../page';

const payoutInclude = {
  booking: { select: { number: true, status: true } },
  vendor: { select: { displayName: true, payoutsDisabled: true, payoutsEnabled: true } },
} satisfies Prisma.PayoutInclude;

/** Where the vendor finishes payout setup (the vendor portal's profile page). */
export const PAYOUT_SETUP_PATH = '/vendor/profile#payout-setup';

/**
 * Why this vendor cannot ask for a payout at all, or null. A request finance can
 * only refuse (no account to transfer to) is stopped here, with the way forward.
 */
export function payoutRequestBlockedReason(
  vendor: Pick<Vendor, 'payoutsDisabled' | 'payoutsEnabled' | 'connectedAccountId'>,
): string | null {
  if (vendor.payoutsDisabled) {
    return 'Payouts are paused on your account by the platform: contact support to lift the pause';
  }
  if (!vendor.connectedAccountId || !vendor.payoutsEnabled) {
    return 'Finish payout setup on your profile page before requesting a payout';
  }
  return null;
}

export async function vendorPayouts({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof vendorPayoutsInput>;
}) {
  const vendor = await requireMyVendor(ctx);
  const where = { vendorId: vendor.id, ...(input.status ? { status: input.status } : {}) };
  const total = await ctx.tx.payout.count({ where });
  const rows = await ctx.tx.payout.findMany({
    where,
    include: { booking: { select: { id: true, number: true, status: true } } },
    orderBy: [{ createdAt: 'desc' }, { milestone: 'desc' }, { id: 'asc' }],
    ...pageArgs(input),
  });
  const sums = await ctx.tx.payout.groupBy({
    by: ['status'],
    where: { vendorId: vendor.id },
    _sum: { amountCents: true },
  });
  const totals = Object.fromEntries(sums.map((s) => [s.status, s._sum.amountCents ?? 0]));
  return {
    ...pageOf(input, total, rows),
    totals,
    requestBlockedReason: payoutRequestBlockedReason(vendor),
    payoutSetupPath: PAYOUT_SETUP_PATH,
  };
}

async function lockPayout(ctx: TenantContext, id: string): Promise<Payout> {
  await ctx.tx.$queryRaw`SELECT id FROM payouts WHERE id = ${id}::uuid FOR UPDATE`;
  const payout = await ctx.tx.payout.findUnique({ where: { id } });
  if (!payout) throw AppError.notFound('Payout');
  return payout;
}

/** Vendor asks for the reservation share of a paid booking: locked -> eligible (admin approves). */
export async function requestPayout({ ctx, id }: { ctx: TenantContext; id: string }) {
  const vendor = await requireMyVendor(ctx);
  const payout = await lockPayout(ctx, id);
  if (payout.vendorId !== vendor.id) throw AppError.notFound('Payout');
  if (payout.milestone !== 'reservation') {
    throw new AppError('CONFLICT', 'Completion payouts are released when the event is completed');
  }
  if (payout.status !== 'locked')
    throw new AppError('CONFLICT', `This payout is already ${payout.status}`);
  const blocked = payoutRequestBlockedReason(vendor);
  if (blocked) {
    throw new AppError('CONFLICT', blocked, {
      reason: vendor.payoutsDisabled ? 'payouts_disabled' : 'payout_setup_required',
      setupPath: PAYOUT_SETUP_PATH,
    });
  }
  const dispute = await openDisputeOf(ctx, payout.bookingId);
  const now = new Date();
  return ctx.tx.payout.update({
    where: { id: payout.id },
    data: dispute
      ? {
          status: 'held',
          heldByDisputeId: dispute.id,
          heldReason: 'Dispute open',
          requestedAt: now,
        }
      : { status: 'eligible', requestedAt: now, eligibleAt: now },
  });
}

export async function listPayouts({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listPayoutsInput>;
}) {
  const where = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.milestone ? { milestone: input.milestone } : {}),
  };
  const total = await ctx.tx.payout.count({ where });
  const rows = await ctx.tx.payout.findMany({
    where,
    include: payoutInclude,
    orderBy: [{ createdAt: 'desc' }, { milestone: 'desc' }, { id: 'asc' }],
    ...pageArgs(input),
  });
  return pageOf(input, total, rows);
}

/**
 * Admin approves an eligible payout: a transfer to the vendor's connected account,
 * keyed by the payout so a retry (or a double click) never pays twice. tx 1 claims the
 * payout (`approvedAt` set while still eligible: one approval in flight; a second
 * click gets CONFLICT); the transfer is made after that commit; tx 2 marks it paid
 * with its audit row and email. A refused transfer hands the claim back, so the payout
 * stays eligible and can be approved again.
 */
export async function approvePayout({
  scope,
  input,
}: {
  scope: OrgScope;
  input: z.infer<typeof payoutActionInput>;
}) {
  const claimedAt = new Date();
  const { before, vendor } = await scope.transaction(async (ctx) => {
    const before = await lockPayout(ctx, input.id);
    if (before.status !== 'eligible') {
      throw new AppError(
        'CONFLICT',
        `Only eligible payouts can be approved; this one is ${before.status}`,
      );
    }
    if (before.approvedAt) throw new AppError('CONFLICT', APPROVAL_IN_FLIGHT);
    if (await openDisputeOf(ctx, before.bookingId)) {
      throw new AppError('CONFLICT', 'This booking has an open dispute: resolve it first');
    }
    const vendor = await ctx.tx.vendor.findUniqueOrThrow({
      where: { id: before.vendorId },
      include: { user: { select: { email: true } } },
    });
    if (vendor.payoutsDisabled)
      throw new AppError('CONFLICT', `Payouts are disabled for ${vendor.displayName}`);
    if (!vendor.connectedAccountId) throw notSetUp(vendor.displayName);
    await ctx.tx.payout.update({
      where: { id: before.id },
      data: { approvedAt: claimedAt, approvedById: ctx.actor?.userId ?? null },
    });
    return { before, vendor: { ...vendor, connectedAccountId: vendor.connectedAccountId } };
  });
  const release = (ctx: TenantContext) =>
    ctx.tx.payout.updateMany({
      where: { id: before.id, status: 'eligible', approvedAt: claimedAt },
      data: { approvedAt: null, approvedById: null },
    });

  let transferId: string;
  let learnedReady = false;
  try {
    const processor = await scope.gateway();
    if (!vendor.payoutsEnabled) {
      learnedReady = (await processor.retrieveConnectedAccount(vendor.connectedAccountId))
        .payoutsEnabled;
      if (!learnedReady) throw notSetUp(vendor.displayName);
    }
    const transfer = await processor.createTransfer({
      idempotencyKey: `payout:${before.id}`,
      amountCents: before.amountCents,
      currency: before.currency,
      destination: vendor.connectedAccountId,
      transferGroup: `booking_${before.bookingId}`,
      metadata: { orgId: scope.orgId, payoutId: before.id, bookingId: before.bookingId },
    });
    transferId = transfer.id;
  } catch (error) {
    await compensate(scope, 'payout approval compensation', release);
    throw error;
  }

  return scope.transaction(async (ctx) => {
    if (learnedReady) {
      await ctx.tx.vendor.update({ where: { id: vendor.id }, data: { payoutsEnabled: true } });
    }
    // The money has moved: the row says so, whatever happened to it meanwhile.
    const after = await ctx.tx.payout.update({
      where: { id: before.id },
      data: { status: 'paid', transferId, approvedAt: claimedAt },
    });
    await recordProcessorObject(ctx.tx, ctx.orgId, {
      id: transferId,
      kind: 'transfer',
      bookingId: before.bookingId,
      vendorId: before.vendorId,
      payoutId: before.id,
    });
    await recordAudit(ctx, {
      action: 'payout.approved',
      entityType: 'payout',
      entityId: before.id,
      before,
      after,
    });
    await enqueueOutbox(ctx, {
      dedupeKey: `payout:${before.id}:paid`,
      channel: 'email',
      topic: 'payout.paid',
      recipient: vendor.user.email,
      subject: `Payout sent: ${formatMoney(after.amountCents, after.currency)}`,
      body: `We sent ${formatMoney(after.amountCents, after.currency)} (${after.milestone}) to your payout account.`,
    });
    return after;
  });
}

const APPROVAL_IN_FLIGHT =
  'This payout is being approved right now: reload in a moment to see the result';

function notSetUp(displayName: string): AppError {
  return new AppError('CONFLICT', `${displayName} has not finished payout setup yet`);
}

export async function holdPayout({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof payoutHoldInput>;
}) {
  const before = await lockPayout(ctx, input.id);
  if (before.status !== 'eligible' && before.status !== 'locked') {
    throw new AppError('CONFLICT', `A ${before.status} payout cannot be held`);
  }
  if (before.status === 'eligible' && before.approvedAt) {
    throw new AppError('CONFLICT', APPROVAL_IN_FLIGHT);
  }
  const after = await ctx.tx.payout.update({
    where: { id: before.id },
    data: { status: 'held', heldReason: input.note },
  });
  await recordAudit(ctx, {
    action: 'payout.held',
    entityType: 'payout',
    entityId: before.id,
    before,
    after,
  });
  return after;
}

/** Lifts an admin hold: back to eligible if it had been requested or released, else locked. */
export async function releasePayout({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof payoutActionInput>;
}) {
  const before = await lockPayout(ctx, input.id);
  if (before.status !== 'held')
    throw new AppError('CONFLICT', `This payout is ${before.status}, not held`);
  if (before.heldByDisputeId)
    throw new AppError('CONFLICT', 'A dispute holds this payout: resolve the dispute');
  const after = await ctx.tx.payout.update({
    where: { id: before.id },
    data: before.eligibleAt
      ? { status: 'eligible', heldReason: null }
      : { status: 'locked', heldReason: null },
  });
  await recordAudit(ctx, {
    action: 'payout.released',
    entityType: 'payout',
    entityId: before.id,
    before,
    after,
  });
  return after;
}

/**
 * Reverses a payout; one already paid is pulled back from the vendor with a transfer
 * reversal. tx 1 claims it (`reversedAt` set while still paid), the reversal runs after
 * that commit, keyed by the payout, and tx 2 records it with its audit row; a refused
 * reversal hands the claim back.
 */
export async function reversePayout({
  scope,
  input,
}: {
  scope: OrgScope;
  input: z.infer<typeof payoutHoldInput>;
}) {
  const claimedAt = new Date();
  const claim = await scope.transaction(async (ctx) => {
    const before = await lockPayout(ctx, input.id);
    if (before.status === 'reversed' || before.status === 'voided') {
      throw new AppError('CONFLICT', `This payout is already ${before.status}`);
    }
    if (before.status !== 'paid' || !before.transferId) {
      return { before, after: await markReversed(ctx, before, input.note, claimedAt) };
    }
    if (before.reversedAt) {
      throw new AppError('CONFLICT', 'This payout is being reversed right now: reload in a moment');
    }
    await ctx.tx.payout.update({ where: { id: before.id }, data: { reversedAt: claimedAt } });
    return { before, transferId: before.transferId, after: null };
  });
  const { before } = claim;
  if (claim.after) return claim.after;

  try {
    await (
      await scope.gateway()
    ).reverseTransfer({
      transferId: claim.transferId,
      idempotencyKey: `payout:${before.id}:reverse`,
    });
  } catch (error) {
    await compensate(scope, 'payout reversal compensation', (ctx) =>
      ctx.tx.payout.updateMany({
        where: { id: before.id, status: 'paid', reversedAt: claimedAt },
        data: { reversedAt: null },
      }),
    );
    throw error;
  }
  return scope.transaction((ctx) => markReversed(ctx, before, input.note, claimedAt));
}

async function markReversed(ctx: TenantContext, before: Payout, note: string, at: Date) {
  const after = await ctx.tx.payout.update({
    where: { id: before.id },
    data: { status: 'reversed', reversedAt: at, reverseReason: note },
  });
  await recordAudit(ctx, {
    action: 'payout.reversed',
    entityType: 'payout',
    entityId: before.id,
    before,
    after,
  });
  return after;
}
