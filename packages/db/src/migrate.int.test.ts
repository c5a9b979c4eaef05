// The migration commands on a copy of the repository's schema and migrations,
// against an empty database: the paths `pnpm db:*` takes, including failures.
import { cp, mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  applyMigrations,
  checkDrift,
  createMigration,
  isAtHead,
  migrationNames,
  migrationStatus,
  repoRoot,
  type MigrateOptions,
} from './migrate';
import { adminQuery, createTestDatabase, withDatabase, type TestDatabase } from './testing';

let dir: string;
let options: Required<MigrateOptions>;
let dbName: string;
let url: string;
let client: pg.Client;
let repoMigrations: string[];

const WIDGET = `
model Widget {
  id    String @id @default(uuid()) @db.Uuid
  orgId String @db.Uuid
  label String
  @@map("widgets")
}
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'souk-migrate-'));
  options = {
    schemaPath: path.join(dir, 'schema.prisma'),
    migrationsDir: path.join(dir, 'migrations'),
  };
  await cp(path.join(repoRoot(), 'prisma/schema.prisma'), options.schemaPath);
  await cp(path.join(repoRoot(), 'prisma/migrations'), options.migrationsDir, { recursive: true });
  repoMigrations = await migrationNames();

  const { serverUrl, prefix } = inject('soukTestDb');
  dbName = `${prefix}mig${crypto.randomUUID().slice(0, 8)}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${pg.escapeIdentifier(dbName)}`);
  url = withDatabase(serverUrl, dbName);
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  const { serverUrl } = inject('soukTestDb');
  if (dbName)
    await adminQuery(
      serverUrl,
      `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(dbName)} WITH (FORCE)`,
    );
  if (dir) await rm(dir, { recursive: true, force: true });
});

const tableExists = async (name: string): Promise<boolean> =>
  Boolean(
    (await client.query<{ t: string | null }>('select to_regclass($1)::text as t', [name])).rows[0]
      ?.t,
  );

describe('migration commands', () => {
  it('report an empty database as behind, then apply every migration in order', async () => {
    expect(await isAtHead(url, options)).toEqual({
      atHead: false,
      pending: repoMigrations,
      failed: [],
    });
    const before = await migrationStatus(url, options);
    expect(before).toMatchObject({
      applied: [],
      pending: repoMigrations,
      hasMigrationsTable: false,
    });

    expect(await applyMigrations(url, options)).toEqual(repoMigrations);
    expect(await isAtHead(url, options)).toEqual({ atHead: true, pending: [], failed: [] });
    expect(await applyMigrations(url, options)).toEqual([]);
    // The init migration's DO $$ ... $$ block ran whole (toolchain pitfall 4).
    const forced = await client.query(
      `select relname from pg_class where relforcerowsecurity and relname = 'product_options'`,
    );
    expect(forced.rowCount).toBe(1);
    expect(await checkDrift(url, options)).toMatchObject({ drift: false });
    expect(await createMigration(url, 'nothing', options)).toMatchObject({ name: null });
  });

  it('creates a migration for a new tenant table with its RLS section, then applies it', async () => {
    await appendFile(options.schemaPath, WIDGET);
    const drift = await checkDrift(url, options);
    expect(drift.drift).toBe(true);
    expect(drift.sql).toContain('CREATE TABLE "widgets"');

    const created = await createMigration(url, 'Add widgets!', options);
    expect(created.name).toMatch(/^\d{14}_add_widgets$/);
    expect(created.tenantTables).toEqual(['widgets']);
    expect(created.destructive).toEqual([]);
    const sql = await readFile(
      path.join(options.migrationsDir, created.name!, 'migration.sql'),
      'utf8',
    );
    expect(sql).toContain('CREATE TABLE "widgets"');
    expect(sql).toContain('ALTER TABLE "widgets" FORCE ROW LEVEL SECURITY;');
    // Sorted after the existing ones, so folder order is apply order.
    expect((await migrationNames(options)).at(-1)).toBe(created.name);

    expect(await isAtHead(url, options)).toMatchObject({ atHead: false, pending: [created.name] });
    expect(await applyMigrations(url, options)).toEqual([created.name]);
    const { rows } = await client.query(
      `select relrowsecurity, relforcerowsecurity from pg_class where relname = 'widgets'`,
    );
    expect(rows).toEqual([{ relrowsecurity: true, relforcerowsecurity: true }]);
    expect(await checkDrift(url, options)).toMatchObject({ drift: false });
  });

  it('flags the DROP in a migration that removes a column', async () => {
    const schema = await readFile(options.schemaPath, 'utf8');
    await writeFile(
      options.schemaPath,
      schema.replace('  label String\n  @@map("widgets")', '  @@map("widgets")'),
    );
    const created = await createMigration(url, 'drop widget label', options);
    expect(created.destructive).toEqual([expect.stringContaining('DROP COLUMN "label"')]);
    await rm(path.join(options.migrationsDir, created.name!), { recursive: true });
    await writeFile(options.schemaPath, schema);
  });

  it('reports a migration edited after it was applied', async () => {
    const last = (await migrationNames(options)).at(-1)!;
    await appendFile(
      path.join(options.migrationsDir, last, 'migration.sql'),
      '\n-- edited later\n',
    );
    const status = await migrationStatus(url, options);
    expect(status.edited).toEqual([last]);
    expect(status.pending).toEqual([]);
  });

  it('applies a failing migration atomically and reports it as failed', async () => {
    const name = '29991231235959_broken';
    await cp(
      path.join(options.migrationsDir, repoMigrations[0]!),
      path.join(options.migrationsDir, name),
      {
        recursive: true,
      },
    );
    await writeFile(
      path.join(options.migrationsDir, name, 'migration.sql'),
      'CREATE TABLE "half_done" (id int);\nSELECT 1 / 0;\n',
    );
    await expect(applyMigrations(url, options)).rejects.toThrow(/division by zero/);
    expect(await tableExists('half_done')).toBe(false);
    expect(await isAtHead(url, options)).toEqual({
      atHead: false,
      pending: [name],
      failed: [name],
    });
    expect((await migrationStatus(url, options)).failed).toEqual([name]);
  });
});

describe('drift', () => {
  let copy: TestDatabase;
  beforeAll(async () => {
    copy = await createTestDatabase();
  });
  afterAll(async () => {
    await copy?.drop();
  });

  it('is reported for a column added by hand, with the SQL that would undo it', async () => {
    await copy.ownerDb.$executeRawUnsafe('ALTER TABLE "products" ADD COLUMN "sneaky" integer');
    const report = await checkDrift(copy.ownerUrl);
    expect(report.drift).toBe(true);
    expect(report.sql).toContain('DROP COLUMN "sneaky"');
  });

  it('is not reported for an extra policy or RLS switched off (Prisma does not model them)', async () => {
    await copy.ownerDb.$executeRawUnsafe('ALTER TABLE "products" DROP COLUMN "sneaky"');
    await copy.ownerDb.$executeRawUnsafe(
      'CREATE POLICY extra ON "audit_logs" FOR SELECT USING (false)',
    );
    await copy.ownerDb.$executeRawUnsafe('ALTER TABLE "audit_logs" NO FORCE ROW LEVEL SECURITY');
    expect(await checkDrift(copy.ownerUrl)).toMatchObject({ drift: false });
  });
});
