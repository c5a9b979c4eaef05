import { createOrgScope, isAppError, runReconciliation, type RetryPolicy } from '@souk/core';
import type { Db } from '@souk/db';
import type { JobDefinition } from './runner';

export const RECONCILE_PROCESSOR_QUEUE = 'reconcile-processor';

export const RECONCILE_PROCESSOR_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseBackoffSeconds: 120,
  backoffMultiplier: 2,
  maxBackoffSeconds: 1800,
  jitterSeconds: 60,
};

/**
 * Spec 004 "Stripe reconciliation job": hourly, per org, a run over the last 24 hours from
 * the org's durable cursors (the same as `pnpm reconcile --hours 24 --limit 100`). A retry
 * resumes after the failed attempt's last checkpoint.
 */
export function reconcileProcessorJob({ db, cron }: { db: Db; cron: string }): JobDefinition {
  return {
    queue: RECONCILE_PROCESSOR_QUEUE,
    cron,
    perOrg: true,
    retry: RECONCILE_PROCESSOR_RETRY,
    handler: async ({ orgId, log }) => {
      try {
        const run = await runReconciliation({
          scope: createOrgScope({ db, orgId: orgId! }),
          trigger: 'schedule',
          hours: 24,
          limit: 100,
        });
        log.info(
          { runId: run.id, objectsSeen: run.objectsSeen, found: run.discrepanciesFound },
          RECONCILE_PROCESSOR_QUEUE,
        );
      } catch (error) {
        // An admin's "Run now" is still going: this hour's run is not needed.
        if (
          isAppError(error) &&
          error.code === 'CONFLICT' &&
          /already running/.test(error.message)
        ) {
          log.info({ orgId }, 'reconciliation already running; skipped');
          return;
        }
        throw error;
      }
    },
  };
}
