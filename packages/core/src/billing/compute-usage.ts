import type { UsageMetric } from '@souk/db';
import type { TenantContext } from '../context';
import { CURRENT_PERIOD, WORKER_ROLES } from '../org/usage-counters';
import { monthRange } from './month';

export interface UsageTruth {
  workers: number;
  bookings: number;
  storageBytes: number;
}

/** The period each recorded counter is kept under for a report of `month`. */
export function counterPeriods(month: string): Record<UsageMetric, string> {
  return { workers: CURRENT_PERIOD, bookings: month, storage_bytes: CURRENT_PERIOD };
}

/**
 * Usage counted from the rows themselves: enabled staff memberships now, bookings created
 * in the month (UTC), and the bytes of every stored upload now (spec 002: storage and
 * workers are current-state snapshots; only bookings follow the month).
 */
export async function computeUsage(ctx: TenantContext, month: string): Promise<UsageTruth> {
  const { start, end } = monthRange(month);
  // Sequential: queries in one interactive transaction share a single connection.
  const workers = await ctx.tx.membership.count({
    where: { orgId: ctx.orgId, role: { in: [...WORKER_ROLES] }, disabledAt: null },
  });
  const bookings = await ctx.tx.booking.count({
    where: { orgId: ctx.orgId, createdAt: { gte: start, lt: end } },
  });
  const [storage] = await ctx.tx.$queryRaw<{ total: bigint }[]>`
    SELECT COALESCE(SUM("sizeBytes"), 0)::bigint AS total
    FROM uploads WHERE "orgId" = ${ctx.orgId}::uuid AND status = 'stored'`;
  return { workers, bookings, storageBytes: Number(storage?.total ?? 0n) };
}

/** The recorded counters for a report of `month`; null where nothing was ever recorded. */
export async function readCounters(
  ctx: TenantContext,
  month: string,
): Promise<Record<UsageMetric, number | null>> {
  const periods = counterPeriods(month);
  const rows = await ctx.tx.usageCounter.findMany({
    where: {
      orgId: ctx.orgId,
      OR: Object.entries(periods).map(([metric, period]) => ({
        metric: metric as UsageMetric,
        period,
      })),
    },
    select: { metric: true, value: true },
  });
  const value = (metric: UsageMetric) => {
    const row = rows.find((r) => r.metric === metric);
    return row ? Number(row.value) : null;
  };
  return {
    workers: value('workers'),
    bookings: value('bookings'),
    storage_bytes: value('storage_bytes'),
  };
}
