import {
  createTransports,
  deliverOutbox,
  listOrgIds,
  monitorCheckoutOrchestrations,
  processFulfillmentTasks,
  recoverySettingsFromEnv,
  runSessionRecoveryForAllOrgs,
  type Transports,
} from '@souk/core';
import type { Logger } from '@souk/core/logger';
import { withOrg, type Db } from '@souk/db';
import { startPoller, type Poller } from '../loops/poller';
import type { Metrics } from '../metrics';
import type { JobDefinition } from './runner';

export const MONITOR_QUEUE = 'monitor_checkout_orchestrations';

export interface BackgroundOptions {
  outbox?: { enabled: boolean; intervalMs: number; transports?: Transports };
  fulfillment?: { enabled: boolean; intervalMs: number; batchSize: number };
  recovery?: { enabled: boolean; intervalMs: number; limit: number };
}

export interface Background {
  outbox: Poller | null;
  fulfillment: Poller | null;
  recovery: Poller | null;
  stop(): Promise<void>;
}

/** The worker's polling loops; each pass walks the orgs, one RLS transaction at a time. */
export function startBackground({
  db,
  options,
  metrics,
  log,
}: {
  db: Db;
  options: BackgroundOptions;
  metrics: Metrics;
  log: Logger;
}): Background {
  const outbox = options.outbox?.enabled
    ? (() => {
        const transports = options.outbox.transports ?? createTransports();
        return startPoller({
          name: 'outbox',
          intervalMs: options.outbox.intervalMs,
          log,
          onError: () => metrics.loopErrors.inc({ loop: 'outbox' }),
          pass: async () => {
            for (const orgId of await listOrgIds(db)) {
              const result = await deliverOutbox({ db, orgId, transports });
              metrics.outboxDelivered.inc(result.delivered);
              metrics.outboxRetried.inc(result.retried);
              metrics.outboxDead.inc(result.dead);
            }
            metrics.loopLastRun.set({ loop: 'outbox' }, Date.now() / 1000);
          },
        });
      })()
    : null;

  const fulfillmentOptions = options.fulfillment;
  const fulfillment = fulfillmentOptions?.enabled
    ? startPoller({
        name: 'fulfillment',
        intervalMs: fulfillmentOptions.intervalMs,
        log,
        onError: () => metrics.loopErrors.inc({ loop: 'fulfillment' }),
        pass: async () => {
          for (const orgId of await listOrgIds(db)) {
            const result = await processFulfillmentTasks({
              db,
              orgId,
              batchSize: fulfillmentOptions.batchSize,
            });
            metrics.fulfillmentProcessed.inc(result.processed);
            metrics.fulfillmentFailed.inc(result.failed);
          }
          metrics.loopLastRun.set({ loop: 'fulfillment' }, Date.now() / 1000);
        },
      })
    : null;

  const recoveryOptions = options.recovery;
  const recovery = recoveryOptions?.enabled
    ? startPoller({
        name: 'hosted-session-recovery',
        intervalMs: recoveryOptions.intervalMs,
        log,
        onError: () => metrics.loopErrors.inc({ loop: 'recovery' }),
        pass: async () => {
          const runs = await runSessionRecoveryForAllOrgs({
            db,
            orgIds: await listOrgIds(db),
            settings: recoverySettingsFromEnv(recoveryOptions.limit),
          });
          const queued = runs.reduce((n, r) => n + r.emailsQueued + r.slackQueued, 0);
          if (queued > 0) log.info({ queued }, 'recovery prompts queued');
          metrics.loopLastRun.set({ loop: 'recovery' }, Date.now() / 1000);
        },
      })
    : null;

  return {
    outbox,
    fulfillment,
    recovery,
    async stop() {
      await Promise.all([outbox?.stop(), fulfillment?.stop(), recovery?.stop()]);
    },
  };
}

/** Spec 003: every 30 minutes, prompt customers whose checkout sits overdue. */
export function monitorOrchestrationsJob({
  db,
  cron,
  log,
}: {
  db: Db;
  cron: string;
  log: Logger;
}): JobDefinition {
  return {
    queue: MONITOR_QUEUE,
    cron,
    handler: async () => {
      for (const orgId of await listOrgIds(db)) {
        const summary = await withOrg(db, orgId, (tx) =>
          monitorCheckoutOrchestrations({ ctx: { tx, orgId, actor: null, requestId: null } }),
        );
        if (summary.processed > 0) log.info({ orgId, ...summary }, MONITOR_QUEUE);
      }
    },
  };
}
