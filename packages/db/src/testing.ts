// Test databases: one migrated template per test run (see testing-global-setup.ts),
// one fresh copy per test file, so files run in parallel without resets.
import pg from 'pg';
import { inject } from 'vitest';
import { appDatabaseUrl, createDb, type Db } from './client';

declare module 'vitest' {
  export interface ProvidedContext {
    soukTestDb: { serverUrl: string; template: string };
  }
}

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  /** The app's client: role souk_app, so RLS applies exactly as in production. */
  db: Db;
  /** Superuser/owner client for setting up and inspecting rows across orgs. */
  ownerDb: Db;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(
  serverUrl: string,
  sql: string,
  options: { serialize?: boolean } = {},
): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    // Postgres refuses to copy a template while another copy of it is in progress.
    if (options.serialize) await client.query('select pg_advisory_lock(827361)');
    await client.query(sql);
  } finally {
    await client.end(); // also releases the session-level advisory lock
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const { serverUrl, template } = inject('soukTestDb');
  const name = `souk_t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await adminQuery(
    serverUrl,
    `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`,
    {
      serialize: true,
    },
  );
  const ownerUrl = withDatabase(serverUrl, name);
  const appUrl = appDatabaseUrl(ownerUrl);
  const db = createDb(appUrl, { max: 5 });
  const ownerDb = createDb(ownerUrl, { max: 2 });
  return {
    name,
    ownerUrl,
    appUrl,
    db,
    ownerDb,
    async drop() {
      await Promise.all([db.$disconnect(), ownerDb.$disconnect()]);
      await adminQuery(
        serverUrl,
        `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`,
      );
    },
  };
}
