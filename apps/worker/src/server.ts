import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { createLogger, type CreateLoggerOptions } from '@souk/core/logger';
import { createProcessorEventIngest } from '@souk/core';
import { appDatabaseUrl, createDb, createRouterPool } from '@souk/db';
import type { Transports } from '@souk/core';
import { createRequestListener, sendJson, type RouteTable } from './http';
import { accountingExportJob } from './jobs/accounting-export';
import { FULFILLMENT_QUEUE, fulfillmentTasksJob } from './jobs/fulfillment-tasks';
import { heartbeatJob } from './jobs/heartbeat';
import { invoiceOverdueJob } from './jobs/invoice-overdue';
import { pruneJobRunsJob, summarizeQueueRuns } from './jobs/job-runs';
import { reconcileProcessorJob } from './jobs/reconcile-processor';
import { retentionCleanupJob } from './jobs/retention-cleanup';
import { monitorOrchestrationsJob } from './jobs/monitor-orchestrations';
import { OUTBOX_DELIVERY_QUEUE, outboxDeliveryJob } from './jobs/outbox-delivery';
import { startJobRunner, type JobDefinition } from './jobs/runner';
import { SESSION_RECOVERY_QUEUE, sessionRecoveryJob } from './jobs/session-recovery';
import { startApplier, type Applier } from './loops/applier';
import { createMetrics, type Metrics } from './metrics';
import { requireMetricsToken } from './metrics-auth';
import { opsRoutes } from './routes/ops';
import { stripeWebhookRoute } from './webhooks/stripe';

/** The per-org pg-boss jobs that replaced the polling loops; each runs only when enabled. */
export interface BackgroundOptions {
  outbox?: { enabled: boolean; intervalMs: number; transports?: Transports };
  fulfillment?: { enabled: boolean; intervalMs: number; batchSize: number };
  recovery?: { enabled: boolean; intervalMs: number; limit: number };
}

export interface WorkerOptions {
  /** Owner connection: pg-boss creates and migrates its own `pgboss` schema with it. */
  ownerUrl: string;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Off for an HTTP-only instance (tests against a database without pg-boss): no job runs at all. */
  jobsEnabled?: boolean;
  heartbeatCron?: string;
  logLevel?: CreateLoggerOptions['level'];
  /** App-role connection (RLS applies); derived from ownerUrl with role souk_app when unset. */
  appUrl?: string;
  /** Platform webhook signing secrets; an org's own secret is looked up per event. */
  webhookSecrets?: string[];
  /** Signing secrets of the Connect endpoint (/webhooks/stripe/connect). */
  connectWebhookSecrets?: string[];
  /** The applier of stored events: on by default; tests drain it by hand instead. */
  applier?: { enabled: boolean; intervalMs?: number };
  monitorCron?: string;
  /** The monthly accounting export (spec 002); tests fire it by hand. */
  accountingExportCron?: string;
  /** Outbox delivery, fulfillment and recovery jobs (need `jobsEnabled`). */
  background?: BackgroundOptions;
  /** METRICS_TOKEN: required by /metrics and /fulfillment/*, and for /readyz details. */
  metricsToken?: string;
}

export interface RunningWorker {
  port: number;
  metrics: Metrics;
  boss: PgBoss | null;
  applier: Applier;
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = createLogger('worker', { level: options.logLevel });
  const metrics = createMetrics();
  const pool = new pg.Pool({
    connectionString: options.ownerUrl,
    max: 2,
    connectionTimeoutMillis: 3_000,
  });
  pool.on('error', (error) => log.warn({ err: error }, 'idle database connection failed'));

  const appUrl = options.appUrl ?? appDatabaseUrl(options.ownerUrl);
  const db = createDb(appUrl);
  const router = createRouterPool(appUrl, { max: 4 });
  const background = options.background ?? {};
  const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));
  const applier = startApplier({
    db,
    router,
    enabled: options.applier?.enabled ?? true,
    intervalMs: options.applier?.intervalMs ?? 250,
    log,
    metrics,
  });
  const ingest = createProcessorEventIngest({
    db,
    router,
    platformSecrets: (options.webhookSecrets ?? []).filter(Boolean),
    connectSecrets: (options.connectWebhookSecrets ?? []).filter(Boolean),
    onStored: () => applier.wake(),
  });

  const routes: RouteTable = {
    ...opsRoutes({ pool, ownerUrl: options.ownerUrl, metrics, metricsToken: options.metricsToken }),
    'POST /webhooks/stripe': stripeWebhookRoute({ ingest, endpoint: 'account', metrics }),
    // Stripe sends connected-account events to a separate Connect endpoint with its own secret.
    'POST /webhooks/stripe/connect': stripeWebhookRoute({ ingest, endpoint: 'connect', metrics }),
    // Spec 001: the TaskProcessor's state for probes and dashboards, from `job_runs`
    // (every replica's runs of the fulfillment job).
    'GET /fulfillment/health': requireMetricsToken(options.metricsToken, async ({ res }) => {
      const runs = await summarizeQueueRuns(db, FULFILLMENT_QUEUE);
      const fulfillment = background.fulfillment;
      sendJson(res, 200, {
        running: Boolean(fulfillment?.enabled && boss),
        pollIntervalSeconds: fulfillment ? seconds(fulfillment.intervalMs) : null,
        batchSize: fulfillment?.batchSize ?? null,
        lastRunStartedAt: runs.lastRunStartedAt,
        lastRunFinishedAt: runs.lastRunFinishedAt,
        lastError: runs.lastError,
      });
    }),
    'GET /fulfillment/metrics': requireMetricsToken(options.metricsToken, async ({ res }) => {
      const runs = await summarizeQueueRuns(db, FULFILLMENT_QUEUE);
      const value = async (name: string) =>
        (await metrics.registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;
      sendJson(res, 200, {
        tasksProcessed: await value('souk_fulfillment_tasks_processed_total'),
        tasksFailed: await value('souk_fulfillment_tasks_failed_total'),
        loopErrors: runs.failedRuns,
        runs: runs.runs,
        lastRunStartedAt: runs.lastRunStartedAt,
        lastRunFinishedAt: runs.lastRunFinishedAt,
      });
    }),
  };
  const server = createServer(createRequestListener({ routes, metrics, log }));

  let boss: PgBoss | null = null;
  try {
    if (options.jobsEnabled !== false) {
      const { outbox, fulfillment, recovery } = background;
      const jobs: JobDefinition[] = [
        heartbeatJob({ cron: options.heartbeatCron ?? '* * * * *', metrics, log }),
        monitorOrchestrationsJob({ db, cron: options.monitorCron ?? '*/30 * * * *' }),
        invoiceOverdueJob({ db, cron: '17 * * * *' }),
        reconcileProcessorJob({ db, cron: '41 * * * *' }),
        pruneJobRunsJob({ db }),
        accountingExportJob({ db, cron: options.accountingExportCron }),
        retentionCleanupJob({ db }),
      ];
      const unscheduled: string[] = [];
      if (outbox?.enabled) {
        const everySeconds = seconds(outbox.intervalMs);
        jobs.push(outboxDeliveryJob({ db, everySeconds, transports: outbox.transports, metrics }));
      } else unscheduled.push(OUTBOX_DELIVERY_QUEUE);
      if (fulfillment?.enabled) {
        const everySeconds = seconds(fulfillment.intervalMs);
        const { batchSize } = fulfillment;
        jobs.push(fulfillmentTasksJob({ db, everySeconds, batchSize, metrics }));
      } else unscheduled.push(FULFILLMENT_QUEUE);
      if (recovery?.enabled) {
        const everySeconds = seconds(recovery.intervalMs);
        jobs.push(sessionRecoveryJob({ db, everySeconds, limit: recovery.limit }));
      } else unscheduled.push(SESSION_RECOVERY_QUEUE);
      boss = await startJobRunner({
        ownerUrl: options.ownerUrl,
        db,
        jobs,
        unscheduled,
        metrics,
        log,
      });
    } else if (
      [background.outbox, background.fulfillment, background.recovery].some((j) => j?.enabled)
    ) {
      log.warn('JOBS_ENABLED is false: outbox delivery, fulfillment and recovery do not run');
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '0.0.0.0', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await applier.stop();
    await boss?.stop({ graceful: false, wait: true });
    await pool.end();
    await router.end();
    await db.$disconnect();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  log.info({ port, jobs: boss !== null }, 'worker listening');

  let stopping: Promise<void> | undefined;
  return {
    port,
    metrics,
    boss,
    applier,
    stop() {
      // Stop taking requests first, then let running jobs finish (pg-boss waits up to the timeout).
      stopping ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await applier.stop();
        await boss?.stop({ graceful: true, timeout: 10_000, wait: true });
        await pool.end();
        await router.end();
        await db.$disconnect();
        log.info('worker stopped');
      })();
      return stopping;
    },
  };
}
