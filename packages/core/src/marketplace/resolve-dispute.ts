import type { z } from 'zod';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { lockBooking } from './booking-access';
import type { resolveDisputeInput } from './schemas';

/** Admin: release the held payouts back to eligible, or reverse them; either way, with a note. */
export async function resolveDispute({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof resolveDisputeInput>;
}) {
  const before = await ctx.tx.dispute.findUnique({ where: { id: input.id } });
  if (!before) throw AppError.notFound('Dispute');
  await lockBooking(ctx, before.bookingId);
  if (before.status !== 'open')
    throw new AppError('CONFLICT', `This dispute is already ${before.status.replace('_', ' ')}`);
  const now = new Date();
  const affected = await ctx.tx.payout.updateMany({
    where: { heldByDisputeId: before.id, status: 'held' },
    data:
      input.status === 'resolved_released'
        ? { status: 'eligible', heldByDisputeId: null, heldReason: null, eligibleAt: now }
        : { status: 'reversed', reversedAt: now, reverseReason: `Dispute resolved: ${input.note}` },
  });
  const after = await ctx.tx.dispute.update({
    where: { id: before.id },
    data: {
      status: input.status,
      resolutionNote: input.note,
      resolvedById: ctx.actor?.userId ?? null,
      resolvedAt: now,
    },
  });
  await recordAudit(ctx, {
    action: 'dispute.resolved',
    entityType: 'dispute',
    entityId: before.id,
    before,
    after: { ...after, payoutsAffected: affected.count },
  });
  return { ...after, payoutsAffected: affected.count };
}
