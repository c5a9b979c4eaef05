import type pg from 'pg';
import { isAtHead } from '@souk/db/admin';
import { sendJson, sendProblem, type RouteTable } from '../http';
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
}: {
  pool: pg.Pool;
  ownerUrl: string;
  metrics: Metrics;
}): RouteTable {
  return {
    // Liveness only: a database outage must not get every replica restarted.
    'GET /healthz': ({ res }) => sendJson(res, 200, { status: 'ok' }),

    'GET /readyz': async ({ res, log }) => {
      try {
        await withTimeout(pool.query('select 1'), 'select 1');
      } catch (error) {
        // The driver's message names hosts and users: logged, not served on a public port.
        log.warn({ err: error, check: 'database' }, 'not ready');
        sendProblem(res, 503, 'The database is unreachable', {
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
        sendProblem(res, 503, 'The migration state could not be read', {
          check: 'migrations',
          checks: { database: 'ok', migrations: 'failed' },
        });
        return;
      }
      if (!head.atHead) {
        log.warn({ check: 'migrations', pending: head.pending, failed: head.failed }, 'not ready');
        sendProblem(res, 503, 'Database migrations are not at head (run `pnpm db:migrate`)', {
          check: 'migrations',
          checks: { database: 'ok', migrations: 'failed' },
          pending: head.pending,
          failed: head.failed,
        });
        return;
      }
      sendJson(res, 200, { status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
    },

    'GET /metrics': async ({ res }) => {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(body);
    },
  };
}
