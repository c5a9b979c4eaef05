// Test databases: one migrated template per test run (see testing-global-setup.ts),
// one fresh copy per test file, so files run in parallel without resets.
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { APP_ROLE, createDb, type Db } from './client';
import { dbEnv } from './env';
import { seedDatabase } from './seed';

declare module 'vitest' {
  export interface ProvidedContext {
    soukTestDb: {
      /** Owner URL of the test server (any database; adminQuery switches to `postgres`). */
      serverUrl: string;
      /** Migrated template database copied by createTestDatabase(). */
      template: string;
      /** Prefix of this run's databases, dropped by the global teardown. */
      prefix: string;
    };
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

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
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

/** A fresh database for one test file: a copy of this run's migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { serverUrl, template, prefix } = inject('soukTestDb');
  const name = `${prefix}${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await adminQuery(
    serverUrl,
    `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`,
    { serialize: true },
  );
  const ownerUrl = withDatabase(serverUrl, name);
  // Not appDatabaseUrl(): a DATABASE_APP_URL in the environment points at another database.
  const app = new URL(ownerUrl);
  app.username = APP_ROLE;
  app.password = dbEnv.DATABASE_APP_PASSWORD;
  const appUrl = app.toString();
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

/**
 * The calling test file's own database (seeded with the demo orgs and people when `seed`),
 * created before its tests and dropped after them. The returned object is filled in by
 * that beforeAll: read it inside tests and hooks, not while the file loads.
 */
export function testDatabaseForFile({ seed = false } = {}): TestDatabase {
  const testDb = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(testDb, await createTestDatabase());
    if (seed) await seedDatabase(testDb.db);
  });
  afterAll(async () => {
    // Unset when the beforeAll failed before the database existed.
    await testDb.drop?.();
  });
  return testDb;
}
