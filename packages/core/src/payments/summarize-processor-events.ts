import type { TenantContext } from '../context';
import { PROCESSOR_EVENT_STATUSES } from './schemas';

/**
 * Counts by status and the receipt-to-applied lag over the last 24 hours. Unrouted
 * events belong to no org yet, so only the platform-wide number is shown.
 */
export async function summarizeProcessorEvents({ ctx }: { ctx: TenantContext }) {
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
