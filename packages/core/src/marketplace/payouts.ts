import { recordProcessorObject } from '../payments/processor-objects';
import type { z } from 'zod';
import type { PaymentGateway } from '@souk/payments';
import type { Payout, Prisma, Vendor } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { formatMoney } from '../money';
import { recordAudit } from '../audit/record-audit';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { gatewayFor } from './gateway';
import { requireMyVendor } from './vendors';
import { openDisputeOf } from './disputes';
import type {
  listPayoutsInput,
  payoutActionInput,
  payoutHoldInput,
  vendorPayoutsInput,
} from './schemas';
import { pageArgs } from '../page';

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
  const [total, rows, sums] = await Promise.all([
    ctx.tx.payout.count({ where }),
    ctx.tx.payout.findMany({
      where,
      include: { booking: { select: { id: true, number: true, status: true } } },
      orderBy: [{ createdAt: 'desc' }, { milestone: 'desc' }, { id: 'asc' }],
      ...pageArgs(input),
    }),
    ctx.tx.payout.groupBy({
      by: ['status'],
      where: { vendorId: vendor.id },
      _sum: { amountCents: true },
    }),
  ]);
  const totals = Object.fromEntries(sums.map((s) => [s.status, s._sum.amountCents ?? 0]));
  return {
    total,
    rows,
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
  const [total, rows] = await Promise.all([
    ctx.tx.payout.count({ where }),
    ctx.tx.payout.findMany({
      where,
      include: payoutInclude,
      orderBy: [{ createdAt: 'desc' }, { milestone: 'desc' }, { id: 'asc' }],
      ...pageArgs(input),
    }),
  ]);
  return { total, rows };
}

/**
 * Admin approves an eligible payout: a transfer to the vendor's connected account,
 * keyed by the payout so a retry (or a double click) never pays twice.
 */
export async function approvePayout({
  ctx,
  input,
  gateway,
}: {
  ctx: TenantContext;
  input: z.infer<typeof payoutActionInput>;
  gateway?: PaymentGateway;
}) {
  const before = await lockPayout(ctx, input.id);
  if (before.status !== 'eligible') {
    throw new AppError(
      'CONFLICT',
      `Only eligible payouts can be approved; this one is ${before.status}`,
    );
  }
  if (await openDisputeOf(ctx, before.bookingId)) {
    throw new AppError('CONFLICT', 'This booking has an open dispute: resolve it first');
  }
  const vendor = await ctx.tx.vendor.findUniqueOrThrow({
    where: { id: before.vendorId },
    include: { user: { select: { email: true } } },
  });
  if (vendor.payoutsDisabled)
    throw new AppError('CONFLICT', `Payouts are disabled for ${vendor.displayName}`);
  const processor = await gatewayFor(ctx, gateway);
  let ready = vendor.payoutsEnabled;
  if (vendor.connectedAccountId && !ready) {
    ready = (await processor.retrieveConnectedAccount(vendor.connectedAccountId)).payoutsEnabled;
    if (ready)
      await ctx.tx.vendor.update({ where: { id: vendor.id }, data: { payoutsEnabled: true } });
  }
  if (!vendor.connectedAccountId || !ready) {
    throw new AppError('CONFLICT', `${vendor.displayName} has not finished payout setup yet`);
  }
  const transfer = await processor.createTransfer({
    idempotencyKey: `payout:${before.id}`,
    amountCents: before.amountCents,
    currency: before.currency,
    destination: vendor.connectedAccountId,
    transferGroup: `booking_${before.bookingId}`,
    metadata: { orgId: ctx.orgId, payoutId: before.id, bookingId: before.bookingId },
  });
  const after = await ctx.tx.payout.update({
    where: { id: before.id },
    data: {
      status: 'paid',
      transferId: transfer.id,
      approvedAt: new Date(),
      approvedById: ctx.actor?.userId ?? null,
    },
  });
  await recordProcessorObject(ctx.tx, ctx.orgId, {
    id: transfer.id,
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

/** Reverses a payout; one already paid is pulled back from the vendor with a transfer reversal. */
export async function reversePayout({
  ctx,
  input,
  gateway,
}: {
  ctx: TenantContext;
  input: z.infer<typeof payoutHoldInput>;
  gateway?: PaymentGateway;
}) {
  const before = await lockPayout(ctx, input.id);
  if (before.status === 'reversed' || before.status === 'voided') {
    throw new AppError('CONFLICT', `This payout is already ${before.status}`);
  }
  if (before.status === 'paid' && before.transferId) {
    await (
      await gatewayFor(ctx, gateway)
    ).reverseTransfer({
      transferId: before.transferId,
      idempotencyKey: `payout:${before.id}:reverse`,
    });
  }
  const after = await ctx.tx.payout.update({
    where: { id: before.id },
    data: { status: 'reversed', reversedAt: new Date(), reverseReason: input.note },
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
