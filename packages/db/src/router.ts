import pg from 'pg';

/**
 * Connections for the payments router: webhook ingest, routing unrouted events and
 * finding orgs with due events happen before any org is known. Each connection sets
 * `app.payments_router` for its whole session, which the `payments_router` policies
 * on processor_events and processor_objects (and nothing else) honour. Use it only
 * for those two tables; tenant work goes through withOrg on the Prisma client.
 */
export type RouterPool = pg.Pool;

export function createRouterPool(connectionString: string, options: { max?: number } = {}) {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 4,
    connectionTimeoutMillis: 10_000,
  });
  // Queued before any query the pool hands this client out for.
  pool.on('connect', (client) => {
    client.query(`SELECT set_config('app.payments_router', 'on', false)`).catch(() => undefined);
  });
  // An idle connection dropped by the server must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}
