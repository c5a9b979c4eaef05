// Owner-side setup that migrations cannot hold: the app's login role (cluster-
// global, password from the environment) and its grants.
import pg from 'pg';
import { APP_ROLE } from './client';

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `ownerUrl` when missing (connecting to `postgres`). */
export async function ensureDatabase(ownerUrl: string): Promise<void> {
  const url = new URL(ownerUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  await withClient(url.toString(), async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error; // created by a concurrent run
    }
  });
}

/**
 * The role the app connects as: NOSUPERUSER NOBYPASSRLS, so row-level security
 * applies to every query it makes. Idempotent and safe to run concurrently.
 */
export async function ensureAppRole(ownerUrl: string, password: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const role = pg.escapeIdentifier(APP_ROLE);
    const literal = pg.escapeLiteral(password);
    try {
      await client.query(
        `CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${literal}`,
      );
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 42710: exists already; 23505: a concurrent CREATE ROLE won the race on pg_authid.
      if (code !== '42710' && code !== '23505') throw error;
      await client.query(
        `ALTER ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${literal}`,
      );
    }
    const db = pg.escapeIdentifier(
      (await client.query<{ d: string }>('select current_database() as d')).rows[0]!.d,
    );
    await client.query(`
      GRANT CONNECT ON DATABASE ${db} TO ${role};
      GRANT USAGE ON SCHEMA public TO ${role};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role};
      REVOKE ALL ON TABLE _prisma_migrations FROM ${role};
    `);
  });
}
