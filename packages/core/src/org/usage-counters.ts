import { Prisma, type Role, type Tx, type UsageMetric } from '@souk/db';

/** The org's workers: its staff, the people who use the console (vendors and customers are not seats). */
export const WORKER_ROLES: readonly Role[] = ['OWNER', 'ADMIN', 'FINANCE', 'DISPATCHER', 'VIEWER'];

/** The period of the snapshot counters (workers, storage bytes): they count what exists now. */
export const CURRENT_PERIOD = 'current';

/** A booking counts in the calendar month (UTC) it was created in: "2026-12". */
export function monthPeriod(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/**
 * Adds to a recorded usage counter in the caller's transaction, so the counter moves with
 * the row it counts or not at all. The billing usage report compares these counters with
 * the rows themselves and flags any drift.
 */
export async function incrementUsageCounter(
  tx: Tx,
  counter: { orgId: string; metric: UsageMetric; period: string; by: number | bigint },
): Promise<void> {
  const by = BigInt(counter.by);
  await tx.usageCounter.upsert({
    where: {
      orgId_metric_period: {
        orgId: counter.orgId,
        metric: counter.metric,
        period: counter.period,
      },
    },
    create: { orgId: counter.orgId, metric: counter.metric, period: counter.period, value: by },
    update: { value: { increment: by } },
  });
}

/**
 * Sets the recorded workers counter to the org's enabled staff memberships, in the
 * caller's transaction: called wherever a membership is enabled, disabled or changes
 * role, so the counter only drifts when memberships change behind the app's back.
 */
export async function syncWorkersCounter(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO usage_counters (id, "orgId", metric, period, value, "updatedAt")
    SELECT gen_random_uuid(), ${orgId}::uuid, 'workers', ${CURRENT_PERIOD}, count(*), now()
    FROM memberships
    WHERE "orgId" = ${orgId}::uuid AND "disabledAt" IS NULL
      AND role::text IN (${Prisma.join([...WORKER_ROLES])})
    ON CONFLICT ("orgId", metric, period)
      DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`;
}
