import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { NEWEST_FIRST, pageArgs, pageOf } from '../page';
import type { ListDiscrepanciesInput } from './reconciliation-schemas';

/** The discrepancy queue, newest first, filtered by status, kind, severity or run. */
export async function listDiscrepancies({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListDiscrepanciesInput;
}) {
  const where: Prisma.ReconciliationDiscrepancyWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.severity ? { severity: input.severity } : {}),
    ...(input.runId ? { runId: input.runId } : {}),
  };
  const rows = await ctx.tx.reconciliationDiscrepancy.findMany({
    where,
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
  });
  const total = await ctx.tx.reconciliationDiscrepancy.count({ where });
  return pageOf(
    input,
    total,
    rows.map(({ orgId: _orgId, ...row }) => row),
  );
}
