import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { uuidId } from '../validation';
import { isExportTopic } from './deliver-outbox';

export const replayOutboxInput = z.object({ id: uuidId('Unknown outbox event') });

/** DLQ replay: a dead row goes back to pending with a fresh attempt budget. */
export async function replayOutboxEvent({ ctx, id }: { ctx: TenantContext; id: string }) {
  const before = await ctx.tx.outboxEvent.findUnique({ where: { id } });
  if (!before) throw AppError.notFound('Outbox message');
  if (before.status !== 'dead') {
    throw new AppError(
      'CONFLICT',
      `Only dead messages can be replayed (this one is ${before.status})`,
    );
  }
  const after = await ctx.tx.outboxEvent.update({
    where: { id },
    data: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null },
  });
  if (isExportTopic(before.topic)) {
    // The export waits for this delivery again (spec 002: DLQ kind `export`, replayable).
    await ctx.tx.exportEvent.updateMany({
      where: { outboxEventId: id },
      data: { status: 'pending', lastError: null },
    });
  }
  await recordAudit(ctx, {
    action: 'outbox.replayed',
    entityType: 'outbox_event',
    entityId: id,
    before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
    after: { status: after.status, attempts: after.attempts },
  });
  return after;
}
