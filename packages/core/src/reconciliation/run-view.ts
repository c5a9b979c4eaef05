import type { ReconciliationRunModel as ReconciliationRun } from '@souk/db';
import type { ReconciliationCheckpoint } from './run-reconciliation';

/** A run as finance reads it: its checkpoints typed, the org id left out. */
export function runView({ orgId: _orgId, checkpoints, ...run }: ReconciliationRun) {
  return {
    ...run,
    checkpoints: (Array.isArray(checkpoints)
      ? checkpoints
      : []) as unknown as ReconciliationCheckpoint[],
  };
}
