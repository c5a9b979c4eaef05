import type { TenantContext } from '../context';
import { AppError } from '../errors';
import type { DiscrepancyIdInput } from './reconciliation-schemas';

/** One discrepancy with both sides. */
export async function getDiscrepancy({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: DiscrepancyIdInput;
}) {
  const row = await ctx.tx.reconciliationDiscrepancy.findUnique({
    where: { id: input.discrepancyId },
  });
  if (!row) throw AppError.notFound('Discrepancy');
  const { orgId: _orgId, ...discrepancy } = row;
  return discrepancy;
}
