import type { TenantContext } from '../context';
import { pageArgs, pageOf } from '../page';
import type { ListReconciliationRunsInput } from './reconciliation-schemas';
import { runView } from './run-view';

export async function listReconciliationRuns({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListReconciliationRunsInput;
}) {
  // Sequential: queries in one interactive transaction share a single connection.
  const rows = await ctx.tx.reconciliationRun.findMany({
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    ...pageArgs(input),
  });
  const total = await ctx.tx.reconciliationRun.count();
  return pageOf(input, total, rows.map(runView));
}
