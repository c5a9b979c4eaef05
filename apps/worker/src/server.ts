import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { createLogger, type CreateLoggerOptions } from '@souk/core/logger';
import { createRequestListener, type RouteTable } from './http';
import { heartbeatJob } from './jobs/heartbeat';
import { startJobRunner } from './jobs/runner';
import { createMetrics, type Metrics } from './metrics';
import { opsRoutes } from './routes/ops';

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
}

export interface RunningWorker {
  port: number;
  metrics: Metrics;
  boss: PgBoss | null;
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

  const routes: RouteTable = {
    ...opsRoutes({ pool, ownerUrl: options.ownerUrl, metrics }),
  };
  const server = createServer(createRequestListener({ routes, metrics, log }));

  let boss: PgBoss | null = null;
  try {
    if (options.jobsEnabled !== false) {
      boss = await startJobRunner({
        ownerUrl: options.ownerUrl,
        metrics,
        log,
        jobs: [heartbeatJob({ cron: options.heartbeatCron ?? '* * * * *', metrics, log })],
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
    await boss?.stop({ graceful: false, wait: true });
    await pool.end();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  log.info({ port, jobs: boss !== null }, 'worker listening');

  let stopping: Promise<void> | undefined;
  return {
    port,
    metrics,
    boss,
    stop() {
      // Stop taking requests first, then let running jobs finish (pg-boss waits up to the timeout).
      stopping ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await boss?.stop({ graceful: true, timeout: 10_000, wait: true });
        await pool.end();
        log.info('worker stopped');
      })();
      return stopping;
    },
  };
}
