import { withOrg, type Db } from '@souk/db';
import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { applyEventRows, recordOutcomes, type EventRow } from './apply/apply-event-batch';

/**
 * Re-applies one stored event now, through the applier's own code, in a
 * transaction of its own (like the applier). Handlers apply by state, so a
 * processed event replays to the same state. The audit row goes in the caller's.
 */
export async function replayProcessorEvent({
  ctx,
  db,
  id,
}: {
  ctx: TenantContext;
  db: Db;
  id: string;
}) {
  const event = await ctx.tx.processorEvent.findUnique({ where: { id } });
  if (!event) throw AppError.notFound('Processor event');
  const outcome = await withOrg(db, ctx.orgId, async (tx) => {
    const rows = await tx.$queryRaw<EventRow[]>`
      SELECT id, "eventId", type, payload, attempts, "receivedAt" FROM processor_events
      WHERE id = ${id}::uuid FOR UPDATE`;
    const { outcomes, appeared } = await applyEventRows(tx, ctx.orgId, rows);
    await recordOutcomes(tx, outcomes, appeared);
    const result = outcomes.get(id)!;
    return result.status === 'processed'
      ? { status: 'processed' as const, eventId: event.eventId }
      : { status: result.status, eventId: event.eventId, error: result.error };
  });
  await recordAudit(ctx, {
    action: 'processor_event.replayed',
    entityType: 'processor_event',
    entityId: id,
    before: { status: event.status, error: event.error },
    after: outcome,
  });
  return outcome;
}
