import type { z } from 'zod';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { lockPayout } from './payout-lock';
import type { payoutActionInput } from './schemas';

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
