import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { createLogger, type CreateLoggerOptions } from '@souk/core/logger';
import { createProcessorEventIngest } from '@souk/core';
import { appDatabaseUrl, createDb, createRouterPool } from '@souk/db';
import { createRequestListener, sendJson, type RouteTable } from './http';
import {
  monitorOrchestrationsJob,
  startBackground,
  type Background,
  type BackgroundOptions,
} from './jobs/background';
import { heartbeatJob } from './jobs/heartbeat';
import { startApplier, type Applier } from './loops/applier';
import { startJobRunner } from './jobs/runner';
import { createMetrics, type Metrics } from './metrics';
import { requireMetricsToken } from './metrics-auth';
import { opsRoutes } from './routes/ops';
import { stripeWebhookRoute } from './webhooks/stripe';

export interface WorkerOptions {
  /** Owner connection: pg-boss creates and migrates its own `pgboss` schema with it. */
  ownerUrl: string;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Off for an HTTP-only instance (tests against a database without pg-boss). */
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
  background?: BackgroundOptions;
  /** METRICS_TOKEN: required by /metrics and /fulfillment/*, and for /readyz details. */
  metricsToken?: string;
}

export interface RunningWorker {
  port: number;
  metrics: Metrics;
  boss: PgBoss | null;
  background: Background;
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
  const background = startBackground({ db, options: options.background ?? {}, metrics, log });
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
    // Spec 001: the TaskProcessor's state for probes and dashboards.
    'GET /fulfillment/health': requireMetricsToken(options.metricsToken, ({ res }) => {
      const status = background.fulfillment?.status();
      sendJson(res, 200, {
        running: status?.running ?? false,
        pollIntervalSeconds: status ? status.intervalMs / 1000 : null,
        batchSize: options.background?.fulfillment?.batchSize ?? null,
        lastRunStartedAt: status?.lastRunStartedAt ?? null,
        lastRunFinishedAt: status?.lastRunFinishedAt ?? null,
        lastError: status?.lastError ?? null,
      });
    }),
    'GET /fulfillment/metrics': requireMetricsToken(options.metricsToken, async ({ res }) => {
      const status = background.fulfillment?.status();
      const value = async (name: string) =>
        (await metrics.registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;
      sendJson(res, 200, {
        tasksProcessed: await value('souk_fulfillment_tasks_processed_total'),
        tasksFailed: await value('souk_fulfillment_tasks_failed_total'),
        loopErrors: status?.loopErrors ?? 0,
        runs: status?.runs ?? 0,
        lastRunStartedAt: status?.lastRunStartedAt ?? null,
        lastRunFinishedAt: status?.lastRunFinishedAt ?? null,
      });
    }),
  };
  const server = createServer(createRequestListener({ routes, metrics, log }));

  let boss: PgBoss | null = null;
  try {
    if (options.jobsEnabled !== false) {
      boss = await startJobRunner({
        ownerUrl: options.ownerUrl,
        metrics,
        log,
        jobs: [
          heartbeatJob({ cron: options.heartbeatCron ?? '* * * * *', metrics, log }),
          monitorOrchestrationsJob({ db, cron: options.monitorCron ?? '*/30 * * * *', log }),
        ],
      });
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '0.0.0.0', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await background.stop();
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
    background,
    applier,
    stop() {
      // Stop taking requests first, then let running jobs finish (pg-boss waits up to the timeout).
      stopping ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await background.stop();
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
