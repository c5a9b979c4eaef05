// Owner-side entry points: starting a database, migrating it, creating the app role.
// Used by scripts, the worker's readiness check and tests; never by request code.
import path from 'node:path';
import { dbEnv } from './env';
import { ensureAppRole, ensureDatabase } from './bootstrap';
import { startEmbeddedPostgres, type RunningDatabase } from './embedded';
import { applyMigrations, repoRoot } from './migrate';

export { ensureAppRole, ensureDatabase } from './bootstrap';
export {
  EmbeddedPostgresBusyError,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
  type RunningDatabase,
  type StartEmbeddedOptions,
} from './embedded';
export {
  applyMigrations,
  checkDrift,
  createMigration,
  isAtHead,
  migrationNames,
  migrationStatus,
  repoRoot,
  rlsSqlFor,
  type CreatedMigration,
  type DriftReport,
  type HeadStatus,
  type MigrateOptions,
  type MigrationStatus,
} from './migrate';

/**
 * DATABASE_URL when set (its database created if missing); otherwise the
 * embedded server under SOUK_DATA_DIR, started here, or the one a running
 * `pnpm start` already serves (then stop() leaves it running).
 */
export async function resolveOwnerUrl(): Promise<RunningDatabase> {
  if (dbEnv.DATABASE_URL) {
    await ensureDatabase(dbEnv.DATABASE_URL);
    return { ownerUrl: dbEnv.DATABASE_URL, stop: () => Promise.resolve() };
  }
  const dataDir = path.resolve(repoRoot(), dbEnv.SOUK_DATA_DIR, 'postgres');
  const running = await startEmbeddedPostgres({ dataDir, port: dbEnv.EMBEDDED_PG_PORT });
  try {
    await ensureDatabase(running.ownerUrl);
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}

/** `pnpm db:migrate`: apply pending migrations, then (re)create and grant the app role. */
export async function migrateAndBootstrap(ownerUrl: string): Promise<string[]> {
  const applied = await applyMigrations(ownerUrl);
  await ensureAppRole(ownerUrl, dbEnv.DATABASE_APP_PASSWORD);
  return applied;
}
