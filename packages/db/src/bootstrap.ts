// Owner-side setup that migrations cannot hold: the target database, the app's
// login role (cluster-global, password from the environment) and its grants.
import pg from 'pg';
import { APP_ROLE, PAYMENTS_ROUTER_ROLE } from './client';

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const errorCode = (error: unknown): string | undefined => (error as { code?: string }).code;

/**
 * Catalog rows are not row-locked: two sessions altering the same role or
 * granting on the same table at once make one fail with "tuple concurrently
 * updated" (XX000) instead of waiting. Such a failure is safe to retry.
 */
async function retryConcurrentCatalogUpdate<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const concurrent =
        errorCode(error) === 'XX000' && /concurrently/.test((error as Error).message);
      if (!concurrent || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

/** Creates the database named in `ownerUrl` when missing (connecting to `postgres`). */
export async function ensureDatabase(ownerUrl: string): Promise<void> {
  const url = new URL(ownerUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name) throw new Error('the database URL names no database');
  url.pathname = '/postgres';
  await withClient(url.toString(), async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    } catch (error) {
      // 42P04: created by a concurrent run; 23505: that run won the race on pg_database.
      if (errorCode(error) !== '42P04' && errorCode(error) !== '23505') throw error;
    }
  });
}

/**
 * The role the app connects as: NOSUPERUSER NOBYPASSRLS, so row-level security
 * applies to every query it makes. Idempotent and safe to run concurrently, from
 * several processes and against several databases of one server (roles are
 * cluster-global, grants per database).
 */
export async function ensureAppRole(ownerUrl: string, password: string): Promise<void> {
  const role = pg.escapeIdentifier(APP_ROLE);
  const secret = pg.escapeLiteral(password);
  await withClient(ownerUrl, async (client) => {
    await retryConcurrentCatalogUpdate(async () => {
      const existing = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
        'select rolsuper, rolbypassrls from pg_roles where rolname = $1',
        [APP_ROLE],
      );
      const current = existing.rows[0];
      if (!current) {
        try {
          // The defaults are NOSUPERUSER NOBYPASSRLS; naming them would need superuser on PG < 16.
          await client.query(`CREATE ROLE ${role} LOGIN PASSWORD ${secret}`);
          return;
        } catch (error) {
          // 42710: exists already; 23505: a concurrent CREATE ROLE won the race on pg_authid.
          if (errorCode(error) !== '42710' && errorCode(error) !== '23505') throw error;
        }
      }
      await client.query(`ALTER ROLE ${role} LOGIN PASSWORD ${secret}`);
      if (current?.rolsuper || current?.rolbypassrls) {
        await client.query(`ALTER ROLE ${role} NOSUPERUSER NOBYPASSRLS`);
      }
    });

    const db = pg.escapeIdentifier(
      (await client.query<{ d: string }>('select current_database() as d')).rows[0]!.d,
    );
    const hasMigrationsTable = Boolean(
      (
        await client.query<{ t: string | null }>(
          `select to_regclass('public._prisma_migrations')::text as t`,
        )
      ).rows[0]?.t,
    );
    await retryConcurrentCatalogUpdate(async () => {
      await client.query('BEGIN');
      try {
        // Serialises concurrent runs on this database (advisory locks are per database).
        await client.query(`select pg_advisory_xact_lock(hashtext('souk.ensureAppRole'))`);
        await client.query(`
          GRANT CONNECT ON DATABASE ${db} TO ${role};
          GRANT USAGE ON SCHEMA public TO ${role};
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
          GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
          ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role};
          ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role};
          ${hasMigrationsTable ? `REVOKE ALL ON TABLE _prisma_migrations FROM ${role};` : ''}
        `);
        // The payments router runs as souk_payments_router (created by a migration) on its own
        // connections, by SET ROLE. NOINHERIT: the app role itself never gets that role's
        // cross-org policies; only a connection that switches to it does.
        const router = await client.query(`select 1 from pg_roles where rolname = $1`, [
          PAYMENTS_ROUTER_ROLE,
        ]);
        if (router.rowCount) {
          await client.query(`ALTER ROLE ${role} NOINHERIT`);
          await client.query(`GRANT ${pg.escapeIdentifier(PAYMENTS_ROUTER_ROLE)} TO ${role}`);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    });
  });
}
