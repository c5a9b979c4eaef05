import type pg from 'pg';
import { isAtHead } from '@souk/db';
import { sendJson, sendProblem, type RouteTable } from '../http';
import { hasMetricsAccess, requireMetricsToken } from '../metrics-auth';
import type { Metrics } from '../metrics';

/** A probe that hangs is as bad as one that fails: orchestrators time out at a few seconds. */
const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} timed out after ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Liveness, readiness and metrics: what an orchestrator and Prometheus call. */
export function opsRoutes({
  pool,
  ownerUrl,
  metrics,
  metricsToken,
}: {
  pool: pg.Pool;
  ownerUrl: string;
  metrics: Metrics;
  /** When set, /metrics needs it and /readyz shows its details only with it. */
  metricsToken?: string;
}): RouteTable {
  return {
    // Liveness only: a database outage must not get every replica restarted.
    'GET /healthz': ({ res }) => sendJson(res, 200, { status: 'ok' }),

    // Orchestrators probe without credentials: they get the status code, and only a
    // caller holding METRICS_TOKEN gets which check failed and the migration names.
    'GET /readyz': async ({ req, res, log }) => {
      const detailed = hasMetricsAccess(req, metricsToken);
      const notReady = (detail: string, extensions: Record<string, unknown>) =>
        detailed
          ? sendProblem(res, 503, detail, extensions)
          : sendProblem(res, 503, 'Not ready (send the METRICS_TOKEN for details)');
      try {
        await withTimeout(pool.query('select 1'), 'select 1');
      } catch (error) {
        // The driver's message names hosts and users: logged, not served on a public port.
        log.warn({ err: error, check: 'database' }, 'not ready');
        notReady('The database is unreachable', {
          check: 'database',
          checks: { database: 'failed', migrations: 'skipped' },
        });
        return;
      }
      let head: Awaited<ReturnType<typeof isAtHead>>;
      try {
        head = await withTimeout(isAtHead(ownerUrl), 'migration check');
      } catch (error) {
        log.warn({ err: error, check: 'migrations' }, 'not ready');
        notReady('The migration state could not be read', {
          check: 'migrations',
          checks: { database: 'ok', migrations: 'failed' },
        });
        return;
      }
      if (!head.atHead) {
        log.warn({ check: 'migrations', pending: head.pending, failed: head.failed }, 'not ready');
        notReady('Database migrations are not at head (run `pnpm db:migrate`)', {
          check: 'migrations',
          checks: { database: 'ok', migrations: 'failed' },
          pending: head.pending,
          failed: head.failed,
        });
        return;
      }
      sendJson(
        res,
        200,
        detailed
          ? { status: 'ready', checks: { database: 'ok', migrations: 'ok' } }
          : { status: 'ready' },
      );
    },

    'GET /metrics': requireMetricsToken(metricsToken, async ({ res }) => {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(body);
    }),
  };
}
