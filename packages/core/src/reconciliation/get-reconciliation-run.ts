import type { TenantContext } from '../context';
import { AppError } from '../errors';
import type { ReconciliationRunIdInput } from './reconciliation-schemas';
import { runView } from './run-view';

/** One run with its checkpoints and what it found, by kind. */
export async function getReconciliationRun({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ReconciliationRunIdInput;
}) {
  const run = await ctx.tx.reconciliationRun.findUnique({ where: { id: input.runId } });
  if (!run) throw AppError.notFound('Reconciliation run');
  const byKind = await ctx.tx.reconciliationDiscrepancy.groupBy({
    by: ['kind'],
    where: { runId: run.id },
    _count: { _all: true },
    orderBy: { kind: 'asc' },
  });
  return {
    ...runView(run),
    foundByKind: byKind.map((k) => ({ kind: k.kind, count: k._count._all })),
  };
}
