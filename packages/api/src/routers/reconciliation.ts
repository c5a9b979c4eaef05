import {
  discrepancyIdInput,
  getDiscrepancy,
  getReconciliationRun,
  listDiscrepancies,
  listDiscrepanciesInput,
  listReconciliationRuns,
  listReconciliationRunsInput,
  reconciliationRunIdInput,
  resolveDiscrepancy,
  resolveDiscrepancyInput,
  reconciliationRunView as runView,
  runReconciliation,
  startReconciliationRunInput,
} from '@souk/core';
import { createTRPCRouter, requirePermission, requirePermissionScoped } from '../trpc';
import {
  discrepancyOutput,
  discrepancyPageOutput,
  reconciliationRunDetailOutput,
  reconciliationRunOutput,
  reconciliationRunPageOutput,
} from '../outputs/reconciliation';

const read = requirePermission('finance.read');
// Scoped: both page through the processor between their own short transactions.
const manage = requirePermissionScoped('finance.manage');

/** Spec 000 reconciliation, spec 004 admin trigger: runs, the discrepancy queue, resolution. */
export const reconciliationRouter = createTRPCRouter({
  startRun: manage
    .input(startReconciliationRunInput)
    .output(reconciliationRunOutput)
    .mutation(async ({ ctx, input }) =>
      runView(
        await runReconciliation({
          scope: ctx.scope,
          trigger: 'admin',
          hours: input.hours,
          limit: input.limit,
          actorUserId: ctx.scope.actor?.userId ?? null,
        }),
      ),
    ),
  listRuns: read
    .input(listReconciliationRunsInput)
    .output(reconciliationRunPageOutput)
    .query(({ ctx, input }) => listReconciliationRuns({ ctx: ctx.tenant, input })),
  getRun: read
    .input(reconciliationRunIdInput)
    .output(reconciliationRunDetailOutput)
    .query(({ ctx, input }) => getReconciliationRun({ ctx: ctx.tenant, input })),
  listDiscrepancies: read
    .input(listDiscrepanciesInput)
    .output(discrepancyPageOutput)
    .query(({ ctx, input }) => listDiscrepancies({ ctx: ctx.tenant, input })),
  getDiscrepancy: read
    .input(discrepancyIdInput)
    .output(discrepancyOutput)
    .query(({ ctx, input }) => getDiscrepancy({ ctx: ctx.tenant, input })),
  resolveDiscrepancy: manage
    .input(resolveDiscrepancyInput)
    .output(discrepancyOutput)
    .mutation(async ({ ctx, input }) => {
      const { orgId: _orgId, ...row } = await resolveDiscrepancy({ scope: ctx.scope, input });
      return row;
    }),
});
