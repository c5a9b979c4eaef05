// `pnpm db:<command>`: migrate | migration NAME | status | drift | seed.
// Uses DATABASE_URL, or starts the embedded server for the duration of the command.
import {
  checkDrift,
  createMigration,
  migrateAndBootstrap,
  migrationStatus,
  resolveOwnerUrl,
} from '../src/admin';

const [command, ...args] = process.argv.slice(2);

async function run(ownerUrl: string): Promise<number> {
  switch (command) {
    case 'migrate': {
      const applied = await migrateAndBootstrap(ownerUrl);
      console.log(
        applied.length
          ? `applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}`
          : 'database is up to date',
      );
      return 0;
    }
    case 'migration': {
      const created = await createMigration(ownerUrl, args.join(' '));
      if (!created.name) {
        console.log('no changes: schema.prisma matches the migrations');
        return 0;
      }
      console.log(`created prisma/migrations/${created.name}/migration.sql`);
      if (created.destructive.length) {
        console.warn(
          `\nREVIEW: this migration drops or retypes data:\n  ${created.destructive.join('\n  ')}`,
        );
      }
      console.log('New tenant tables (with "orgId") need RLS: see packages/db/README.md.');
      return 0;
    }
    case 'status': {
      const s = await migrationStatus(ownerUrl);
      console.log(`applied: ${s.applied.length}, pending: ${s.pending.length}`);
      for (const name of s.pending) console.log(`  pending  ${name}`);
      for (const name of s.failed) console.log(`  FAILED   ${name}`);
      for (const name of s.edited) console.log(`  EDITED   ${name} (changed after it was applied)`);
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
      const { seed, DEMO_LOGINS, DEMO_PASSWORD } = await import('../src/seed');
      const result = await seed(ownerUrl);
      console.log(
        `seeded: ${result.orgs} orgs, ${result.users} users, ${result.products} new products`,
      );
      console.log(
        `logins (password ${DEMO_PASSWORD}): ${DEMO_LOGINS.map((l) => l.email).join(', ')}`,
      );
      return 0;
    }
    default:
      console.error('usage: db.ts migrate | migration NAME | status | drift | seed');
      return 64;
  }
}

const database = await resolveOwnerUrl();
let code = 1;
try {
  code = await run(database.ownerUrl);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await database.stop();
}
process.exit(code);
