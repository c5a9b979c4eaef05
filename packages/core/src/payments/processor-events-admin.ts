import { z } from 'zod';
import { withOrg, type Db } from '@souk/db';
import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { pageArgs } from '../page';
import { page, pageSize, text, uuidId } from '../validation';
import { applyEventRows, recordOutcomes, type EventRow } from './apply/apply-event-batch';

export const PROCESSOR_EVENT_STATUSES = [
  'received',
  'waiting',
  'unrouted',
  'processed',
  'failed',
] as const;

export const listProcessorEventsInput = z.object({
  status: z.enum(PROCESSOR_EVENT_STATUSES).optional(),
  type: text({ max: 100, label: 'Type' }).optional(),
  invoiceId: uuidId('Not an invoice id').optional(),
  bookingId: uuidId('Not a booking id').optional(),
  page: page(),
  pageSize: pageSize(25),
});
export type ListProcessorEventsInput = z.infer<typeof listProcessorEventsInput>;

/**
 * The org's ledger (spec 002 "Stripe events view"): metadata only, the raw payload
 * never leaves it. Each row says why it waits or failed and how long it took from
 * receipt to applied.
 */
export async function listProcessorEvents({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListProcessorEventsInput;
}) {
  const where = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.type ? { type: input.type } : {}),
    ...(input.invoiceId ? { invoiceId: input.invoiceId } : {}),
    ...(input.bookingId ? { bookingId: input.bookingId } : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.tx.processorEvent.count({ where }),
    ctx.tx.processorEvent.findMany({
      where,
      select: {
        id: true,
        eventId: true,
        type: true,
        status: true,
        error: true,
        attempts: true,
        invoiceId: true,
        bookingId: true,
        waitingFor: true,
        nextAttemptAt: true,
        eventCreatedAt: true,
        receivedAt: true,
        processedAt: true,
      },
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      ...pageArgs(input),
    }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      ...row,
      lagMs: row.processedAt ? row.processedAt.getTime() - row.receivedAt.getTime() : null,
    })),
  };
}

/**
 * Counts by status and the receipt-to-applied lag over the last 24 hours. Unrouted
 * events belong to no org yet, so only the platform-wide number is shown.
 */
export async function processorEventsSummary({ ctx }: { ctx: TenantContext }) {
  const counts = await ctx.tx.processorEvent.groupBy({ by: ['status'], _count: { _all: true } });
  const [lag] = await ctx.tx.$queryRaw<{ p50: number | null; p99: number | null; n: bigint }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
           percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, count(*) AS n
    FROM (SELECT EXTRACT(EPOCH FROM ("processedAt" - "receivedAt")) * 1000 AS ms
          FROM processor_events
          WHERE status = 'processed' AND "processedAt" IS NOT NULL
            AND "receivedAt" > (now() AT TIME ZONE 'UTC') - interval '24 hours') recent`;
  const [unrouted] = await ctx.tx.$queryRaw<{ n: bigint }[]>`
    SELECT platform_unrouted_events() AS n`;
  const byStatus = Object.fromEntries(PROCESSOR_EVENT_STATUSES.map((s) => [s, 0])) as Record<
    (typeof PROCESSOR_EVENT_STATUSES)[number],
    number
  >;
  for (const row of counts) byStatus[row.status] = row._count._all;
  return {
    byStatus,
    platformUnrouted: Number(unrouted?.n ?? 0),
    lag: {
      samples: Number(lag?.n ?? 0),
      p50Ms: lag?.p50 === null || lag?.p50 === undefined ? null : Math.round(lag.p50),
      p99Ms: lag?.p99 === null || lag?.p99 === undefined ? null : Math.round(lag.p99),
    },
  };
}

export const replayProcessorEventInput = z.object({ id: uuidId('Unknown event') });

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
    action: 'processor_event.replay',
    entityType: 'processor_event',
    entityId: id,
    before: { status: event.status, error: event.error },
    after: outcome,
  });
  return outcome;
}

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
    action: 'processor_event.replay_failed',
    entityType: 'processor_event',
    entityId: null,
    before: null,
    after: { requeued: count },
  });
  return { requeued: count };
}
