import type { z } from 'zod';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { APPROVAL_IN_FLIGHT, lockPayout } from './payout-lock';
import type { payoutHoldInput } from './schemas';

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
