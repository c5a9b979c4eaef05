import type { OrgBillingStatus } from '@souk/db';
import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { formatInstant } from './format-instant';
import { lockOrgPlan, planView } from './ensure-org-plan';
import type { BillingReasonInput } from './schemas';

const REFUSAL: Record<OrgBillingStatus, (since: Date | null) => string> = {
  paused: (since) =>
    `Billing is already paused${since ? ` (since ${formatInstant(since)})` : ''}: resume it first`,
  active: (since) =>
    `Billing is already active${since ? ` (resumed ${formatInstant(since)})` : ''}: there is nothing to resume`,
};

/**
 * Pause or resume: only the status, its reason code and its timestamp change; the plan's
 * limits and metadata stay as they are (spec 002 "Pause/resume playbook"). The row is
 * locked, so of two concurrent pauses one is refused rather than both stamping.
 */
export async function changeBillingStatus(
  ctx: TenantContext,
  to: OrgBillingStatus,
  input: BillingReasonInput,
) {
  const before = await lockOrgPlan(ctx.tx, ctx.orgId);
  if (before.status === to) {
    throw new AppError(
      'CONFLICT',
      REFUSAL[to](to === 'paused' ? before.pausedAt : before.resumedAt),
    );
  }
  const now = new Date();
  const after = await ctx.tx.orgPlan.update({
    where: { orgId: ctx.orgId },
    data:
      to === 'paused'
        ? { status: 'paused', pauseReasonCode: input.reasonCode, pausedAt: now }
        : { status: 'active', resumeReasonCode: input.reasonCode, resumedAt: now },
  });
  const audited = (plan: typeof before) => {
    const { metadata: _metadata, updatedAt: _updatedAt, ...rest } = planView(plan);
    return rest;
  };
  await recordAudit(ctx, {
    action: to === 'paused' ? 'billing.paused' : 'billing.resumed',
    entityType: 'org_plan',
    entityId: before.id,
    before: audited(before),
    after: audited(after),
  });
  return planView(after);
}
