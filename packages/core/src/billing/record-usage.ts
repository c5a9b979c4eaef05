import type { UsageMetric } from '@souk/db';
import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { computeUsage, counterPeriods, readCounters } from './compute-usage';
import { getUsageReport } from './get-usage-report';
import { currentMonth } from './month';
import type { UsageReportInput } from './schemas';

/**
 * Sets the recorded counters of a month's report to what the rows say, clearing any drift;
 * the audit row keeps the counters before and after. Runs in one transaction, so the
 * counters and their audit row commit together.
 */
export async function recordUsage({ ctx, input }: { ctx: TenantContext; input: UsageReportInput }) {
  const month = input.month ?? currentMonth();
  const periods = counterPeriods(month);
  const before = await readCounters(ctx, month);
  const truth = await computeUsage(ctx, month);
  const values: Record<UsageMetric, number> = {
    workers: truth.workers,
    bookings: truth.bookings,
    storage_bytes: truth.storageBytes,
  };
  for (const metric of Object.keys(values) as UsageMetric[]) {
    const value = BigInt(values[metric]);
    await ctx.tx.usageCounter.upsert({
      where: { orgId_metric_period: { orgId: ctx.orgId, metric, period: periods[metric] } },
      create: { orgId: ctx.orgId, metric, period: periods[metric], value },
      update: { value },
    });
  }
  await recordAudit(ctx, {
    action: 'billing.usage_recorded',
    entityType: 'usage_counters',
    entityId: null,
    before: { month, counters: before },
    after: { month, counters: values },
  });
  return getUsageReport({ ctx, input: { month } });
}
