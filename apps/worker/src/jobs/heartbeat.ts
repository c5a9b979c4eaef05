import type { RetryPolicy } from '@souk/core';
import type { Logger } from '@souk/core/logger';
import type { Metrics } from '../metrics';
import type { JobDefinition } from './runner';

export const HEARTBEAT_QUEUE = 'heartbeat';

/** Nothing to retry: the next minute's heartbeat is the retry. */
const ONCE: RetryPolicy = {
  maxAttempts: 1,
  baseBackoffSeconds: 0,
  backoffMultiplier: 1,
  maxBackoffSeconds: 0,
  jitterSeconds: 0,
};

/** Proves the scheduler and the job runner are alive end to end (alert on a stale gauge). */
export function heartbeatJob({
  cron,
  metrics,
  log,
}: {
  cron: string;
  metrics: Metrics;
  log: Logger;
}): JobDefinition {
  return {
    queue: HEARTBEAT_QUEUE,
    cron,
    retry: ONCE,
    handler: () => {
      const now = Date.now();
      metrics.lastHeartbeat.set(now / 1000);
      log.info({ queue: HEARTBEAT_QUEUE, at: new Date(now).toISOString() }, 'heartbeat');
      return Promise.resolve();
    },
  };
}
