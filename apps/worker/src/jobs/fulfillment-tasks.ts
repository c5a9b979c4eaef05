import { processFulfillmentTasks, type RetryPolicy } from '@souk/core';
import type { Db } from '@souk/db';
import type { Metrics } from '../metrics';
import type { JobDefinition } from './runner';

export const FULFILLMENT_QUEUE = 'fulfillment_tasks';

/** Retries of a failed batch for one org; each task keeps its own (`FULFILLMENT_TASK_RETRY`). */
export const FULFILLMENT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseBackoffSeconds: 10,
  backoffMultiplier: 3,
  maxBackoffSeconds: 600,
  jitterSeconds: 5,
};

/** Spec 001 TaskProcessor: one batch of due tasks per org. */
export function fulfillmentTasksJob({
  db,
  everySeconds,
  batchSize,
  metrics,
}: {
  db: Db;
  everySeconds: number;
  batchSize: number;
  metrics: Metrics;
}): JobDefinition {
  return {
    queue: FULFILLMENT_QUEUE,
    everySeconds,
    perOrg: true,
    retry: FULFILLMENT_RETRY,
    handler: async ({ orgId }) => {
      const result = await processFulfillmentTasks({ db, orgId: orgId!, batchSize });
      metrics.fulfillmentProcessed.inc(result.processed);
      metrics.fulfillmentFailed.inc(result.failed);
    },
  };
}
