// Migration commands on the WebAssembly schema engine: what `prisma migrate
// deploy|diff|status` do, working offline. Files keep Prisma's own layout
// (prisma/migrations/<timestamp>_<name>/migration.sql + _prisma_migrations), so
// the real CLI keeps working wherever it can download its engine.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  appliedMigrations,
  migrationNames,
  migrationsDir,
  repoRoot,
  schemaPath,
  type MigrateOptions,
} from '../migration-head';
import { openEngine } from './engine';

export {
  isAtHead,
  migrationNames,
  migrationsDir,
  repoRoot,
  schemaPath,
  type HeadStatus,
  type MigrateOptions,
} from '../migration-head';

const FILTERS = { externalTables: [], externalEnums: [] };

async function schemaFiles(options: MigrateOptions) {
  return [{ path: schemaPath(options), content: await readFile(schemaPath(options), 'utf8') }];
}

async function migrationsList(options: MigrateOptions) {
  const baseDir = migrationsDir(options);
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      (await migrationNames(options)).map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: {
            tag: 'ok' as const,
            value: await readFile(path.join(baseDir, name, 'migration.sql'), 'utf8'),
          },
        },
      })),
    ),
  };
}

async function withEngine<T>(
  ownerUrl: string,
  options: MigrateOptions,
  fn: (engine: Awaited<ReturnType<typeof openEngine>>['engine']) => Promise<T>,
): Promise<T> {
  const datamodels = (await schemaFiles(options)).map((f): [string, string] => [f.path, f.content]);
  const handle = await openEngine(ownerUrl, datamodels);
  try {
    return await fn(handle.engine);
  } finally {
    await handle.close();
  }
}

/** Like `prisma migrate deploy`: applies pending migrations, records them in _prisma_migrations. */
export async function applyMigrations(
  ownerUrl: string,
  options: MigrateOptions = {},
): Promise<string[]> {
  const list = await migrationsList(options);
  return withEngine(ownerUrl, options, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: list,
      filters: FILTERS,
    });
    return appliedMigrationNames;
  });
}

export interface CreatedMigration {
  /** Folder name under prisma/migrations, or null when there was nothing to write. */
  name: string | null;
  sql: string;
  /** Lines that can lose data or fail on existing rows: review before applying. */
  destructive: string[];
  /** New tables with an "orgId" column; their RLS section was appended to the SQL. */
  tenantTables: string[];
}

const RLS_EXPRESSION = `"orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid`;

/** The RLS section every tenant table gets (see packages/db/README.md). */
export function rlsSqlFor(table: string): string {
  const t = `"${table.replace(/"/g, '""')}"`;
  return [
    `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;`,
    `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY;`,
    `CREATE POLICY org_isolation ON ${t}`,
    `  USING (${RLS_EXPRESSION})`,
    `  WITH CHECK (${RLS_EXPRESSION});`,
  ].join('\n');
}

function newTenantTables(sql: string): string[] {
  const tables: string[] = [];
  for (const match of sql.matchAll(/CREATE TABLE "([^"]+)" \(([\s\S]*?)\n\);/g)) {
    if (/^\s*"orgId" /m.test(match[2] ?? '')) tables.push(match[1]!);
  }
  return tables;
}

function destructiveLines(sql: string): string[] {
  return sql
    .split('\n')
    .filter(
      (line) =>
        /\bDROP\b/i.test(line) ||
        /\bALTER COLUMN\b.*\bTYPE\b/i.test(line) ||
        /\bSET NOT NULL\b/i.test(line) ||
        // A required column without a default fails on a table that has rows.
        (/\bADD COLUMN\b.*\bNOT NULL\b/i.test(line) && !/\bDEFAULT\b/i.test(line)),
    )
    .map((line) => line.trim());
}

const formatStamp = (date: Date): string => date.toISOString().replace(/[-:T]/g, '').slice(0, 14);

/**
 * yyyymmddhhmmss (UTC), kept after the newest existing migration so folder order
 * is apply order even with two migrations in one second or a clock behind a colleague's.
 */
function nextStamp(existing: string[]): string {
  const now = new Date();
  const last = existing
    .map((n) => /^(\d{14})_/.exec(n)?.[1])
    .filter(Boolean)
    .sort()
    .pop();
  if (!last || formatStamp(now) > last) return formatStamp(now);
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(last)!;
  const lastDate = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return formatStamp(new Date(lastDate + 1000));
}

const isEmptyDiff = (sql: string): boolean =>
  sql === '' || /^-- This is an empty migration\.?$/m.test(sql);

/**
 * Like `prisma migrate dev --create-only`: writes the SQL that takes the
 * migrations folder to schema.prisma (replayed in a throwaway shadow database).
 * `empty` writes a migration even without schema changes, for hand-written SQL.
 */
export async function createMigration(
  ownerUrl: string,
  name: string,
  options: MigrateOptions & { empty?: boolean } = {},
): Promise<CreatedMigration> {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (!slug) throw new Error('migration name is required, e.g. `pnpm db:migration add_orders`');
  const list = await migrationsList(options);
  const files = await schemaFiles(options);
  const result = await withEngine(ownerUrl, options, (engine) =>
    engine.diff({
      from:
        list.migrationDirectories.length > 0 ? { tag: 'migrations', ...list } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: FILTERS,
    }),
  );
  const diff = (result.stdout ?? '').trim();
  if (isEmptyDiff(diff) && !options.empty)
    return { name: null, sql: '', destructive: [], tenantTables: [] };

  const tenantTables = newTenantTables(diff);
  let sql = isEmptyDiff(diff) ? '-- Hand-written migration (no schema.prisma changes).' : diff;
  if (tenantTables.length > 0) {
    // Every table with orgId is tenant-owned; rls.int.test.ts fails without this.
    sql += `\n\n-- Row-level security for the new tenant tables (appended by db:migration).\n${tenantTables
      .map(rlsSqlFor)
      .join('\n\n')}`;
  }
  const dirName = `${nextStamp(await migrationNames(options))}_${slug}`;
  const baseDir = migrationsDir(options);
  await mkdir(path.join(baseDir, dirName), { recursive: true });
  await writeFile(path.join(baseDir, dirName, 'migration.sql'), `${sql}\n`);
  const lock = path.join(baseDir, 'migration_lock.toml');
  if (!existsSync(lock)) {
    await writeFile(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  // The WASM engine cannot evaluate data loss on Postgres (toolchain pitfall 5):
  // surface the risky lines for a human instead.
  return { name: dirName, sql, destructive: destructiveLines(diff), tenantTables };
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  failed: string[];
  /** Applied, then changed on disk (checksum differs). */
  edited: string[];
  /** Recorded in the database but missing from the migrations folder. */
  unknown: string[];
  hasMigrationsTable: boolean;
}

/** Applied/pending from _prisma_migrations; failed/edited from the engine's history check. */
export async function migrationStatus(
  ownerUrl: string,
  options: MigrateOptions = {},
): Promise<MigrationStatus> {
  const names = await migrationNames(options);
  const recorded = await appliedMigrations(ownerUrl);
  const list = await migrationsList(options);
  const diagnosis = await withEngine(ownerUrl, options, (engine) =>
    engine.diagnoseMigrationHistory({
      migrationsList: list,
      optInToShadowDatabase: false,
      filters: FILTERS,
    }),
  );
  const onDisk = new Set(names);
  return {
    applied: names.filter((n) => recorded.finished.has(n)),
    pending: names.filter((n) => !recorded.finished.has(n)),
    failed: diagnosis.failedMigrationNames,
    edited: diagnosis.editedMigrationNames,
    unknown: [...recorded.finished].filter((n) => !onDisk.has(n)).sort(),
    hasMigrationsTable: diagnosis.hasMigrationsTable,
  };
}

export interface DriftReport {
  drift: boolean;
  /** SQL that would bring the live database to schema.prisma (empty-migration comment when none). */
  sql: string;
}

/**
 * Like `prisma migrate diff --from-config-datasource --to-schema --exit-code`.
 * Policies, RLS flags and CHECK constraints are outside Prisma's model, so they
 * never count as drift.
 */
export async function checkDrift(
  ownerUrl: string,
  options: MigrateOptions = {},
): Promise<DriftReport> {
  const files = await schemaFiles(options);
  const result = await withEngine(ownerUrl, options, (engine) =>
    engine.diff({
      from: {
        tag: 'schemaDatasource',
        configDir: options.schemaPath ? path.dirname(options.schemaPath) : repoRoot(),
        files,
      },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters: FILTERS,
    }),
  );
  const sql = (result.stdout ?? '').trim();
  return { drift: result.exitCode === 2 || !isEmptyDiff(sql), sql };
}
