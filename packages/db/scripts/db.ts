// `pnpm db:<command>`: migrate | migration NAME [--empty] | status | drift | seed.
// Uses DATABASE_URL, or the embedded server (started for the duration of the
// command, or the one a running `pnpm start` serves).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkDrift,
  createMigration,
  migrateAndBootstrap,
  migrationStatus,
  resolveOwnerUrl,
} from '../src/admin';

const [command, ...args] = process.argv.slice(2);
const USAGE = 'usage: db.ts migrate | migration NAME [--empty] | status | drift | seed';

async function run(ownerUrl: string): Promise<number> {
  switch (command) {
    case 'migrate': {
      const applied = await migrateAndBootstrap(ownerUrl);
      console.log(
        applied.length
          ? `applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}`
          : 'database is up to date',
      );
      console.log('app role souk_app: ensured (NOSUPERUSER NOBYPASSRLS, table grants)');
      return 0;
    }
    case 'migration': {
      const empty = args.includes('--empty');
      const name = args.filter((a) => a !== '--empty').join(' ');
      const created = await createMigration(ownerUrl, name, { empty });
      if (!created.name) {
        console.log('no changes: schema.prisma matches the migrations');
        return 0;
      }
      console.log(`created prisma/migrations/${created.name}/migration.sql`);
      if (created.destructive.length) {
        console.warn(
          [
            '',
            '!!! REVIEW BEFORE APPLYING: these statements can drop data or fail on existing rows',
            ...created.destructive.map((line) => `!!!   ${line}`),
            '!!! (the offline engine gives no data-loss warnings; edit the SQL to migrate data if needed)',
            '',
          ].join('\n'),
        );
      }
      if (created.tenantTables.length) {
        console.log(
          `appended RLS (org_isolation) for new tenant tables: ${created.tenantTables.join(', ')}`,
        );
      }
      console.log('Review the SQL, then `pnpm db:migrate`. RLS rules: packages/db/README.md.');
      return 0;
    }
    case 'status': {
      const s = await migrationStatus(ownerUrl);
      console.log(
        `applied: ${s.applied.length}, pending: ${s.pending.length}, failed: ${s.failed.length}, edited: ${s.edited.length}`,
      );
      for (const name of s.pending) console.log(`  pending  ${name}`);
      for (const name of s.failed) console.log(`  FAILED   ${name}`);
      for (const name of s.edited) console.log(`  EDITED   ${name} (changed after it was applied)`);
      for (const name of s.unknown)
        console.log(`  UNKNOWN  ${name} (applied, not in prisma/migrations)`);
      return s.pending.length || s.failed.length || s.edited.length ? 1 : 0;
    }
    case 'drift': {
      const { drift, sql } = await checkDrift(ownerUrl);
      if (!drift) {
        console.log('no drift: the database matches schema.prisma');
        return 0;
      }
      console.error(
        `DRIFT: the database differs from schema.prisma. SQL that would fix it:\n${sql}`,
      );
      return 2;
    }
    case 'seed': {
      // seed.ts belongs to whoever owns the demo data; it may not exist yet.
      const seedFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/seed.ts');
      if (!existsSync(seedFile)) {
        console.error(`no seed yet: ${seedFile} does not exist (it must export seed(ownerUrl))`);
        return 1;
      }
      const mod = (await import(seedFile)) as {
        seed?: (ownerUrl: string) => Promise<unknown>;
        DEMO_LOGINS?: { email: string }[];
        DEMO_PASSWORD?: string;
      };
      if (typeof mod.seed !== 'function') {
        console.error(`${seedFile} does not export seed(ownerUrl)`);
        return 1;
      }
      const result = await mod.seed(ownerUrl);
      console.log('seeded:', result);
      if (mod.DEMO_LOGINS && mod.DEMO_PASSWORD) {
        console.log(
          `logins (password ${mod.DEMO_PASSWORD}): ${mod.DEMO_LOGINS.map((l) => l.email).join(', ')}`,
        );
      }
      return 0;
    }
    default:
      console.error(USAGE);
      return 64;
  }
}

const wantsName = command === 'migration' && !args.some((a) => a !== '--empty');
if (
  !command ||
  !['migrate', 'migration', 'status', 'drift', 'seed'].includes(command) ||
  wantsName
) {
  console.error(USAGE);
  process.exit(64);
}
const database = await resolveOwnerUrl();
let code = 1;
try {
  code = await run(database.ownerUrl);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await database.stop();
}
process.exit(code);
