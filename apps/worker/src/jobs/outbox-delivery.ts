import { createTransports, deliverOutbox, type RetryPolicy, type Transports } from '@souk/core';
import type { Db } from '@souk/db';
import { renderEmail } from '@souk/emails';
import type { Metrics } from '../metrics';
import type { JobDefinition } from './runner';

export const OUTBOX_DELIVERY_QUEUE = 'outbox_delivery';

/**
 * Retries of a failed pass for one org (the database or a transport threw). Each
 * message keeps its own attempts, backoff and dead state (`outboxRetryPolicy`).
 */
export const OUTBOX_DELIVERY_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseBackoffSeconds: 5,
  backoffMultiplier: 2,
  maxBackoffSeconds: 120,
  jitterSeconds: 3,
};

/** Spec 002: sends due outbox rows, org by org (one job per org). */
export function outboxDeliveryJob({
  db,
  everySeconds,
  transports = createTransports(undefined, { renderEmail }),
  metrics,
}: {
  db: Db;
  everySeconds: number;
  transports?: Transports;
  metrics: Metrics;
}): JobDefinition {
  return {
    queue: OUTBOX_DELIVERY_QUEUE,
    everySeconds,
    perOrg: true,
    retry: OUTBOX_DELIVERY_RETRY,
    handler: async ({ orgId }) => {
      const result = await deliverOutbox({ db, orgId: orgId!, transports });
      metrics.outboxDelivered.inc(result.delivered);
      metrics.outboxRetried.inc(result.retried);
      metrics.outboxDead.inc(result.dead);
    },
  };
}
