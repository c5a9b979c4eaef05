import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { createLogger } from '@souk/core';
import { isAtHead } from '@souk/db/admin';
import { sendJson, sendProblem, type RouteHandler } from './http';
import { heartbeatJob } from './jobs/heartbeat';
import { startJobRunner } from './jobs/runner';
import { createMetrics, type Metrics } from './metrics';

export interface WorkerOptions {
  ownerUrl: string;
  port: number;
  jobsEnabled?: boolean;
  heartbeatCron?: string;
}

export interface RunningWorker {
  port: number;
  metrics: Metrics;
  boss: PgBoss | null;
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = createLogger('worker');
  const metrics = createMetrics();
  const pool = new pg.Pool({ connectionString: options.ownerUrl, max: 2 });
  pool.on('error', (error) => log.warn({ err: error }, 'idle database connection failed'));

  const routes: Record<string, RouteHandler> = {
    'GET /healthz': ({ res }) => sendJson(res, 200, { status: 'ok' }),
    'GET /readyz': async ({ res }) => {
      try {
        await pool.query('select 1');
      } catch (error) {
        sendProblem(res, 503, 'Not ready', 'database unreachable', {
          check: 'database',
          error: String((error as Error).message),
        });
        return;
      }
      const head = await isAtHead(options.ownerUrl);
      if (!head.atHead) {
        sendProblem(res, 503, 'Not ready', 'database migrations are not at head', {
          check: 'migrations',
          ...head,
        });
        return;
      }
      sendJson(res, 200, { status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
    },
    'GET /metrics': async ({ res }) => {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
    },
  };

  const server: Server = createServer((req, res) => {
    const started = performance.now();
    const requestId = (req.headers['x-request-id'] as string | undefined) ?? crypto.randomUUID();
    res.setHeader('x-request-id', requestId);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const key = `${req.method ?? 'GET'} ${path}`;
    const handler = routes[key];
    const route = handler ? path : 'unmatched';
    res.on('finish', () => {
      const labels = { method: req.method ?? 'GET', route, status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, (performance.now() - started) / 1000);
    });
    if (!handler) {
      sendProblem(res, 404, 'Not found', `No route for ${key}`);
      return;
    }
    Promise.resolve(handler({ req, res, requestId })).catch((error: unknown) => {
      log.error({ err: error, requestId, route }, 'request failed');
      if (!res.headersSent) sendProblem(res, 500, 'Internal error', `request ${requestId}`);
      else res.end();
    });
  });

  const boss =
    options.jobsEnabled === false
      ? null
      : await startJobRunner({
          ownerUrl: options.ownerUrl,
          metrics,
          log,
          jobs: [heartbeatJob({ cron: options.heartbeatCron ?? '* * * * *', metrics, log })],
        });

  await new Promise<void>((resolve) => server.listen(options.port, '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;
  log.info({ port, jobs: boss !== null }, 'worker listening');

  return {
    port,
    metrics,
    boss,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await boss?.stop({ graceful: true, timeout: 10_000, wait: true });
      await pool.end();
    },
  };
}
