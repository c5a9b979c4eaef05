// Migration state read with plain SQL and the file system: what the worker's /readyz
// needs. Deliberately free of the schema engine (WebAssembly) and the embedded server,
// so a bundle that imports only this module ships neither.
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The repository root: walk up to pnpm-workspace.yaml (works from src/ and from bundles). */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** Where schema.prisma and the migrations live; the repository's by default (tests point elsewhere). */
export interface MigrateOptions {
  schemaPath?: string;
  migrationsDir?: string;
}

export const schemaPath = (options: MigrateOptions = {}): string =>
  options.schemaPath ?? path.join(repoRoot(), 'prisma/schema.prisma');
export const migrationsDir = (options: MigrateOptions = {}): string =>
  options.migrationsDir ?? path.join(repoRoot(), 'prisma/migrations');

export async function migrationNames(options: MigrateOptions = {}): Promise<string[]> {
  const dir = migrationsDir(options);
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort();
}

export async function appliedMigrations(
  ownerUrl: string,
): Promise<{ finished: Set<string>; failed: Set<string> }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query<{ t: string | null }>(
      `select to_regclass('public._prisma_migrations')::text as t`,
    );
    if (!exists.rows[0]?.t) return { finished: new Set(), failed: new Set() };
    const { rows } = await client.query<{
      migration_name: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>('select migration_name, finished_at, rolled_back_at from _prisma_migrations');
    return {
      finished: new Set(
        rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name),
      ),
      failed: new Set(
        rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name),
      ),
    };
  } finally {
    await client.end();
  }
}

export interface HeadStatus {
  atHead: boolean;
  pending: string[];
  failed: string[];
}

/**
 * Readiness: every migration folder is applied and none failed. Plain SQL, no
 * engine, so the worker's /readyz stays cheap.
 */
export async function isAtHead(
  ownerUrl: string,
  options: MigrateOptions = {},
): Promise<HeadStatus> {
  const names = await migrationNames(options);
  const applied = await appliedMigrations(ownerUrl);
  const pending = names.filter((n) => !applied.finished.has(n));
  const failed = [...applied.failed].sort();
  return { atHead: pending.length === 0 && failed.length === 0, pending, failed };
}

export interface MigrationState extends HeadStatus {
  /** Migration folders on disk. */
  total: number;
  /** Finished migrations recorded in `_prisma_migrations`. */
  applied: number;
  /** Applied, then changed on disk: the checksum Prisma recorded no longer matches the file. */
  edited: string[];
}

/**
 * What the operator's health view shows: `isAtHead` plus edited migrations (Prisma's
 * checksum is the SHA-256 of migration.sql). Plain SQL, like `isAtHead`.
 */
export async function migrationState(
  ownerUrl: string,
  options: MigrateOptions = {},
): Promise<MigrationState> {
  const head = await isAtHead(ownerUrl, options);
  const names = await migrationNames(options);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  let recorded: { migration_name: string; checksum: string }[] = [];
  try {
    const exists = await client.query<{ t: string | null }>(
      `select to_regclass('public._prisma_migrations')::text as t`,
    );
    if (exists.rows[0]?.t) {
      recorded = (
        await client.query<{ migration_name: string; checksum: string }>(
          `select migration_name, checksum from _prisma_migrations
           where finished_at is not null and rolled_back_at is null`,
        )
      ).rows;
    }
  } finally {
    await client.end();
  }
  const edited: string[] = [];
  for (const row of recorded) {
    if (!names.includes(row.migration_name)) continue;
    const file = await readFile(
      path.join(migrationsDir(options), row.migration_name, 'migration.sql'),
    );
    if (createHash('sha256').update(file).digest('hex') !== row.checksum) {
      edited.push(row.migration_name);
    }
  }
  return { ...head, total: names.length, applied: recorded.length, edited: edited.sort() };
}
