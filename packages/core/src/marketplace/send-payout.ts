import type { z } from 'zod';
import { recordProcessorObject } from '../processor/processor-objects';
import type { OrgScope, TenantContext } from '../context';
import { AppError } from '../errors';
import { formatMoney } from '../money';
import { recordAudit } from '../audit/record-audit';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { compensate } from '../processor/compensate';
import { openDisputeOf } from './booking-open-dispute';
import { APPROVAL_IN_FLIGHT, lockPayout } from './payout-lock';
import type { payoutActionInput } from './schemas';

/**
 * Admin approves an eligible payout and it is sent: a transfer to the vendor's
 * connected account, keyed by the payout so a retry (or a double click) never pays
 * twice. tx 1 claims the payout (`approvedAt` set while still eligible: one approval
 * in flight; a second click gets CONFLICT); the transfer is made after that commit, from
 * the charge of the booking payment the payout was allocated from (`source_transaction`);
 * tx 2 marks it paid with its audit row and email. A refused transfer hands the claim
 * back, so the payout stays eligible and can be approved again.
 */
export async function sendPayout({
  scope,
  input,
}: {
  scope: OrgScope;
  input: z.infer<typeof payoutActionInput>;
}) {
  const claimedAt = new Date();
  const { before, vendor, paymentIntentId } = await scope.transaction(async (ctx) => {
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
    const { payment } = await ctx.tx.payoutAllocation.findUniqueOrThrow({
      where: { id: before.allocationId },
      select: { payment: { select: { processorPaymentIntentId: true } } },
    });
    await ctx.tx.payout.update({
      where: { id: before.id },
      data: { approvedAt: claimedAt, approvedById: ctx.actor?.userId ?? null },
    });
    return {
      before,
      vendor: { ...vendor, connectedAccountId: vendor.connectedAccountId },
      paymentIntentId: payment.processorPaymentIntentId,
    };
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
    // Paid from the booking payment's own charge: card funds stay pending for days at Stripe,
    // and a transfer from the available balance would fail meanwhile (or spend other money).
    const { latestChargeId } = await processor.retrievePaymentIntent(paymentIntentId);
    const transfer = await processor.createTransfer({
      idempotencyKey: `payout:${before.id}`,
      amountCents: before.amountCents,
      currency: before.currency,
      destination: vendor.connectedAccountId,
      transferGroup: `booking_${before.bookingId}`,
      ...(latestChargeId === null ? {} : { sourceTransaction: latestChargeId }),
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

function notSetUp(displayName: string): AppError {
  return new AppError('CONFLICT', `${displayName} has not finished payout setup yet`);
}
