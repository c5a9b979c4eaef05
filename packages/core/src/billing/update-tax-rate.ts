import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import type { UpdateTaxRateInput } from './schemas';

/**
 * The org's sales tax rate for checkouts from now on. Issued invoices keep the rate and
 * amounts they were issued with (their tax snapshot is never recomputed from settings).
 */
export async function updateTaxRate({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: UpdateTaxRateInput;
}) {
  // Locked, so two owners saving at once leave an audit trail that chains.
  const [before] = await ctx.tx.$queryRaw<{ taxRateBps: number }[]>`
    SELECT "taxRateBps" FROM organizations WHERE id = ${ctx.orgId}::uuid FOR UPDATE`;
  const org = await ctx.tx.organization.update({
    where: { id: ctx.orgId },
    data: { taxRateBps: input.taxRateBps },
    select: { taxRateBps: true, updatedAt: true },
  });
  await recordAudit(ctx, {
    action: 'org.tax_rate_updated',
    entityType: 'organization',
    entityId: ctx.orgId,
    before: { taxRateBps: before?.taxRateBps ?? null },
    after: { taxRateBps: org.taxRateBps },
  });
  return org;
}
