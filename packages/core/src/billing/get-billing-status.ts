import type { TenantContext } from '../context';
import { ensureOrgPlan, planView } from './ensure-org-plan';

/** The org's plan: status, why and when it was last paused and resumed, and its limits. */
export async function getBillingStatus({ ctx }: { ctx: TenantContext }) {
  return planView(await ensureOrgPlan(ctx.tx, ctx.orgId));
}
