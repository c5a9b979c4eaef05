import type { OrgPlanModel as OrgPlan, Tx } from '@souk/db';

/**
 * The org's plan row, created on the default plan the first time anyone reads it. Created
 * with ON CONFLICT DO NOTHING, so two first reads at once both end with the same row.
 */
export async function ensureOrgPlan(tx: Tx, orgId: string): Promise<OrgPlan> {
  const existing = await tx.orgPlan.findUnique({ where: { orgId } });
  if (existing) return existing;
  await tx.orgPlan.createMany({ data: [{ orgId }], skipDuplicates: true });
  return tx.orgPlan.findUniqueOrThrow({ where: { orgId } });
}

/** Locks the org's plan row (creating it first if needed) for a status change. */
export async function lockOrgPlan(tx: Tx, orgId: string): Promise<OrgPlan> {
  await ensureOrgPlan(tx, orgId);
  await tx.$queryRaw`SELECT id FROM org_plans WHERE "orgId" = ${orgId}::uuid FOR UPDATE`;
  return tx.orgPlan.findUniqueOrThrow({ where: { orgId } });
}

/** What the status view and the audit rows show of a plan. */
export function planView(plan: OrgPlan) {
  return {
    planCode: plan.planCode,
    status: plan.status,
    maxWorkers: plan.maxWorkers,
    maxBookingsPerMonth: plan.maxBookingsPerMonth,
    maxStorageBytes: Number(plan.maxStorageBytes),
    metadata: plan.metadata,
    pauseReasonCode: plan.pauseReasonCode,
    pausedAt: plan.pausedAt,
    resumeReasonCode: plan.resumeReasonCode,
    resumedAt: plan.resumedAt,
    updatedAt: plan.updatedAt,
  };
}
export type PlanView = ReturnType<typeof planView>;
