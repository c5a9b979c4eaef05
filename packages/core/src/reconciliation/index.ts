export * from './reconciliation-schemas';
export {
  runReconciliation,
  STALE_RUN_MS,
  type ReconciliationCheckpoint,
} from './run-reconciliation';
export { resolveDiscrepancy } from './resolve-discrepancy';
export { listReconciliationRuns } from './list-reconciliation-runs';
export { getReconciliationRun } from './get-reconciliation-run';
export { listDiscrepancies } from './list-discrepancies';
export { getDiscrepancy } from './get-discrepancy';
export { fingerprintOf, type Finding } from './compare-processor-page';
export { runView as reconciliationRunView } from './run-view';
