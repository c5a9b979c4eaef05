import { monitorCheckoutOrchestrations, type RetryPolicy } from '@souk/core';
import { withOrg, type Db } from '@souk/db';
import type { JobDefinition } from './runner';

export const MONITOR_QUEUE = 'monitor_checkout_orchestrations';

export const MONITOR_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseBackoffSeconds: 60,
  backoffMultiplier: 2,
  maxBackoffSeconds: 900,
  jitterSeconds: 30,
};

/** Spec 003: every 30 minutes, prompt customers whose checkout sits overdue (per org). */
export function monitorOrchestrationsJob({ db, cron }: { db: Db; cron: string }): JobDefinition {
  return {
    queue: MONITOR_QUEUE,
    cron,
    perOrg: true,
    retry: MONITOR_RETRY,
    handler: async ({ orgId, log }) => {
      const summary = await withOrg(db, orgId!, (tx) =>
        monitorCheckoutOrchestrations({ ctx: { tx, orgId: orgId!, actor: null, requestId: null } }),
      );
      if (summary.processed > 0) log.info({ ...summary }, MONITOR_QUEUE);
    },
  };
}
