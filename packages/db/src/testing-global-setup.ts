// vitest globalSetup for the integration project: a server (DATABASE_URL, or an
// embedded one on its own port and data dir so a running `pnpm start` is never
// touched), and a template database migrated once for the whole run.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureAppRole } from './bootstrap';
import {
  EmbeddedPostgresBusyError,
  freePort,
  startEmbeddedPostgres,
  type RunningDatabase,
} from './embedded';
import { dbEnv } from './env';
import { applyMigrations, repoRoot } from './migrate';
import { adminQuery, withDatabase } from './testing';

const TEST_DB_PATTERN = /^souk_(t|tpl|shadow)_/;

async function databases(serverUrl: string, like: RegExp): Promise<string[]> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database');
    return rows.map((r) => r.datname).filter((name) => like.test(name));
  } finally {
    await client.end();
  }
}

async function dropAll(serverUrl: string, names: string[]): Promise<void> {
  for (const name of names) {
    await adminQuery(
      serverUrl,
      `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Throwaway clusters of earlier runs that were killed before their teardown. */
async function removeDeadPrivateClusters(dataRoot: string): Promise<void> {
  if (!existsSync(dataRoot)) return;
  for (const entry of await readdir(dataRoot)) {
    const owner = /^postgres-test-(\d+)$/.exec(entry)?.[1];
    if (!owner) continue;
    if (isAlive(Number(owner))) continue;
    // Its server may have outlived the killed run; stop it before deleting its files.
    const pidFile = path.join(dataRoot, entry, 'postmaster.pid');
    const postmaster = existsSync(pidFile)
      ? Number((await readFile(pidFile, 'utf8')).split('\n')[0])
      : 0;
    if (postmaster > 0 && isAlive(postmaster)) {
      process.kill(postmaster, 'SIGINT');
      for (let i = 0; i < 100 && isAlive(postmaster); i++)
        await new Promise((r) => setTimeout(r, 100));
    }
    await rm(path.join(dataRoot, entry), { recursive: true, force: true });
  }
}

async function startTestServer(): Promise<RunningDatabase> {
  if (dbEnv.DATABASE_URL) return { ownerUrl: dbEnv.DATABASE_URL, stop: () => Promise.resolve() };
  const dataRoot = path.resolve(repoRoot(), dbEnv.SOUK_DATA_DIR);
  try {
    return await startEmbeddedPostgres({
      dataDir: path.join(dataRoot, 'postgres-test'),
      port: dbEnv.TEST_PG_PORT,
      database: 'postgres',
      ifRunning: 'fail',
    });
  } catch (error) {
    if (!(error instanceof EmbeddedPostgresBusyError)) throw error;
    // Another test run owns the shared test server and would stop it under us
    // when it ends: this run gets a private cluster instead, deleted on stop.
    await removeDeadPrivateClusters(dataRoot);
    const port = await freePort();
    console.log(
      `[souk] another test run uses the shared test server; this run gets its own on port ${port}`,
    );
    return startEmbeddedPostgres({
      dataDir: path.join(dataRoot, `postgres-test-${process.pid}`),
      port,
      database: 'postgres',
      ephemeral: true,
    });
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const running = await startTestServer();
  const serverUrl = running.ownerUrl;
  // An embedded test server is this run's alone: any test database on it was left by a killed run.
  if (!dbEnv.DATABASE_URL) await dropAll(serverUrl, await databases(serverUrl, TEST_DB_PATTERN));

  const runId = crypto.randomUUID().replace(/-/g, '').slice(0, 10);
  const template = `souk_tpl_${runId}`;
  const prefix = `souk_t_${runId}_`;
  try {
    await adminQuery(serverUrl, `CREATE DATABASE ${pg.escapeIdentifier(template)}`);
    const templateUrl = withDatabase(serverUrl, template);
    await applyMigrations(templateUrl);
    await ensureAppRole(templateUrl, dbEnv.DATABASE_APP_PASSWORD);
  } catch (error) {
    await dropAll(serverUrl, [template]).catch(() => undefined);
    await running.stop();
    throw error;
  }
  project.provide('soukTestDb', { serverUrl, template, prefix });

  return async () => {
    try {
      // Files that crashed before their drop() leave copies; a shared server must not collect them.
      const escaped = new RegExp(`^${prefix}`);
      await dropAll(serverUrl, [...(await databases(serverUrl, escaped)), template]);
    } finally {
      await running.stop();
    }
  };
}
