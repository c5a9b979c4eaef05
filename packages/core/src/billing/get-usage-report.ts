import type { UsageMetric } from '@souk/db';
import type { TenantContext } from '../context';
import { computeUsage, readCounters } from './compute-usage';
import { ensureOrgPlan } from './ensure-org-plan';
import { currentMonth } from './month';
import type { UsageReportInput } from './schemas';

export const USAGE_METRIC_LABELS: Record<UsageMetric, string> = {
  workers: 'Workers (staff members)',
  bookings: 'Bookings created this month',
  storage_bytes: 'Storage (bytes of stored uploads)',
};

/**
 * Usage against the plan's limits for one month (spec 002 "Billing and usage reporting"):
 * each metric with its limit, whether it is over, the counter recorded as things happened,
 * and whether that counter has drifted from what the rows say. A counter never recorded
 * counts as 0, so usage that was never counted shows as drift too.
 */
export async function getUsageReport({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: UsageReportInput;
}) {
  const month = input.month ?? currentMonth();
  const plan = await ensureOrgPlan(ctx.tx, ctx.orgId);
  const truth = await computeUsage(ctx, month);
  const recorded = await readCounters(ctx, month);
  const metric = (name: UsageMetric, value: number, limit: number) => {
    const counter = recorded[name];
    return {
      metric: name,
      label: USAGE_METRIC_LABELS[name],
      value,
      limit,
      overLimit: value > limit,
      overageBy: Math.max(0, value - limit),
      recorded: counter,
      driftDetected: (counter ?? 0) !== value,
    };
  };
  const metrics = [
    metric('workers', truth.workers, plan.maxWorkers),
    metric('bookings', truth.bookings, plan.maxBookingsPerMonth),
    metric('storage_bytes', truth.storageBytes, Number(plan.maxStorageBytes)),
  ];
  return {
    month,
    planCode: plan.planCode,
    status: plan.status,
    metrics,
    overLimit: metrics.some((m) => m.overLimit),
    driftDetected: metrics.some((m) => m.driftDetected),
  };
}
