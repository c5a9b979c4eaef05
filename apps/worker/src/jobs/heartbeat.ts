import type { Logger } from '@souk/core/logger';
import type { Metrics } from '../metrics';
import type { JobDefinition } from './runner';

export const HEARTBEAT_QUEUE = 'heartbeat';

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
    handler: () => {
      const now = Date.now();
      metrics.lastHeartbeat.set(now / 1000);
      log.info({ queue: HEARTBEAT_QUEUE, at: new Date(now).toISOString() }, 'heartbeat');
      return Promise.resolve();
    },
  };
}
