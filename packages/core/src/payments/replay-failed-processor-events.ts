import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';

/**
 * Puts every failed event of the org back in the applier's queue for one more
 * attempt each; one that still cannot be applied fails again with its reason.
 */
export async function replayFailedProcessorEvents({ ctx }: { ctx: TenantContext }) {
  const count = await ctx.tx.$executeRaw`
    UPDATE processor_events
    SET status = 'received', "nextAttemptAt" = now() AT TIME ZONE 'UTC', "waitingFor" = NULL
    WHERE status = 'failed'`;
  await recordAudit(ctx, {
    action: 'processor_event.bulk_replayed',
    entityType: 'processor_event',
    entityId: null,
    before: null,
    after: { requeued: count },
  });
  return { requeued: count };
}
