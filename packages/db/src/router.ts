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

export function createRouterPool(connectionString: string, options: { max?: number } = {}) {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 4,
    connectionTimeoutMillis: 10_000,
    // Awaited before the pool hands the connection out: every query runs as the router role.
    onConnect: async (client) => {
      await client.query(`SET ROLE ${PAYMENTS_ROUTER_ROLE}`);
    },
  });
  // An idle connection dropped by the server must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}
