import type { z } from 'zod';
import type { Payout } from '@souk/db';
import type { OrgScope, TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { compensate } from '../processor/compensate';
import { lockPayout } from './payout-lock';
import type { payoutHoldInput } from './schemas';

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
