import { createLogger } from '@souk/core/logger';
import { assertWorkerProductionConfig, workerEnv } from './env';
import { startWorker } from './server';

const log = createLogger('worker', { level: workerEnv.LOG_LEVEL });

try {
  assertWorkerProductionConfig();
} catch (error) {
  // Plain text: the operator reads this once, at the first deploy.
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

let worker: Awaited<ReturnType<typeof startWorker>>;
try {
  worker = await startWorker({
    ownerUrl: workerEnv.DATABASE_URL,
    port: workerEnv.WORKER_PORT,
    jobsEnabled: workerEnv.JOBS_ENABLED,
    heartbeatCron: workerEnv.HEARTBEAT_CRON,
    logLevel: workerEnv.LOG_LEVEL,
    webhookSecrets: workerEnv.STRIPE_WEBHOOK_SECRET ? [workerEnv.STRIPE_WEBHOOK_SECRET] : [],
    connectWebhookSecrets: workerEnv.STRIPE_CONNECT_WEBHOOK_SECRET
      ? [workerEnv.STRIPE_CONNECT_WEBHOOK_SECRET]
      : [],
    applier: {
      enabled: workerEnv.PAYMENT_EVENT_APPLIER_ENABLED,
      intervalMs: workerEnv.PAYMENT_EVENT_APPLIER_INTERVAL_MS,
    },
    monitorCron: workerEnv.ORCHESTRATION_MONITOR_CRON,
    metricsToken: workerEnv.METRICS_TOKEN,
    background: {
      outbox: {
        enabled: workerEnv.OUTBOX_DELIVERY_ENABLED,
        intervalMs: workerEnv.OUTBOX_POLL_INTERVAL_MS,
      },
      fulfillment: {
        enabled: workerEnv.FULFILLMENT_WORKER_ENABLED,
        intervalMs: workerEnv.FULFILLMENT_POLL_INTERVAL_SECONDS * 1000,
        batchSize: workerEnv.FULFILLMENT_BATCH_SIZE,
      },
      recovery: {
        enabled: workerEnv.HOSTED_RECOVERY_WORKER_ENABLED,
        intervalMs: workerEnv.HOSTED_RECOVERY_INTERVAL_SECONDS * 1000,
        limit: workerEnv.HOSTED_RECOVERY_LIMIT,
      },
    },
  });
} catch (error) {
  // A JSON line the log pipeline can alert on, instead of a bare stack on stderr.
  log.fatal({ err: error }, 'worker failed to start');
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    // A second Ctrl-C means "now": do not wait for running jobs.
    log.warn({ signal }, 'forced exit');
    process.exit(1);
  }
  stopping = true;
  log.info({ signal }, 'shutting down');
  try {
    await worker.stop();
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', (signal) => void shutdown(signal));
process.on('SIGINT', (signal) => void shutdown(signal));
