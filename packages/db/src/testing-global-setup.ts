// vitest globalSetup for the integration project: a server (DATABASE_URL, or an
// embedded one on its own port and data dir so a running `pnpm start` is never
// touched), and a template database migrated once for the whole run.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureAppRole } from './bootstrap';
import { startEmbeddedPostgres } from './embedded';
import { dbEnv } from './env';
import { applyMigrations, repoRoot } from './migrate';
import { adminQuery } from './testing';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const running = dbEnv.DATABASE_URL
    ? { ownerUrl: dbEnv.DATABASE_URL, stop: () => Promise.resolve() }
    : await startEmbeddedPostgres({
        dataDir: path.resolve(repoRoot(), dbEnv.SOUK_DATA_DIR, 'postgres-test'),
        port: dbEnv.TEST_PG_PORT,
        database: 'postgres',
      });
  const serverUrl = running.ownerUrl;
  const template = `souk_tpl_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${template}"`);
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${template}`;
  await applyMigrations(templateUrl.toString());
  await ensureAppRole(templateUrl.toString(), dbEnv.DATABASE_APP_PASSWORD);
  project.provide('soukTestDb', { serverUrl, template });

  return async () => {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await running.stop();
  };
}
