import pg from 'pg';
import { PAYMENTS_ROUTER_ROLE } from './client';

/**
 * Connections for the payments router: webhook ingest, routing unrouted events and
 * finding orgs with due events happen before any org is known. Each connection
 * switches to the NOLOGIN role souk_payments_router for its whole session, which the
 * `payments_router` policies on processor_events and processor_objects (and nothing
 * else) admit across orgs. Tenant work goes through withOrg on the Prisma client.
 */
export type RouterPool = pg.Pool;

const setRouterRole = (client: pg.ClientBase): Promise<void> =>
  client.query(`SET ROLE ${PAYMENTS_ROUTER_ROLE}`).then(() => undefined);

export function createRouterPool(connectionString: string, options: { max?: number } = {}) {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 4,
    connectionTimeoutMillis: 10_000,
    // pg-pool awaits this before handing the connection out (its types say void): every
    // query on it runs as the router role.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- awaited by pg-pool 3.14
    onConnect: setRouterRole,
  });
  // An idle connection dropped by the server must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}
