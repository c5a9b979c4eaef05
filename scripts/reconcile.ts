// `pnpm reconcile --hours 24 --limit 100 [--org <slug>]` (spec 004 "Stripe reconciliation
// job"): one reconciliation run per org (or for one org), each from its durable cursors,
// printing what it saw and found. Needs the platform's database (DATABASE_URL, which
// `pnpm start` sets for its processes) and the processor (STRIPE_SECRET_KEY, an org's own
// credentials, or the sandbox at STRIPE_API_URL).
import { parseArgs } from 'node:util';
import {
  createOrgScope,
  findOrganizationBySlug,
  isAppError,
  reconcileFlagsInput,
  runReconciliation,
} from '@souk/core';
import { getDb } from '@souk/db';
import { dbEnv } from '@souk/db/env';

const USAGE = 'usage: pnpm reconcile [--hours 24] [--limit 100] [--org <slug>]';

function parse() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        hours: { type: 'string', default: '24' },
        limit: { type: 'string', default: '100' },
        org: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const parsed = reconcileFlagsInput.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(issue.message);
    console.error(USAGE);
    process.exit(2);
  }
  return parsed.data;
}

const { hours, limit, org } = parse();
if (!dbEnv.DATABASE_URL && !dbEnv.DATABASE_APP_URL) {
  console.error(
    'pnpm reconcile needs the platform’s database: set DATABASE_URL (and STRIPE_API_URL for the ' +
      'sandbox, or STRIPE_SECRET_KEY). Admin → Reconciliation → Run now does the same from the browser.',
  );
  process.exit(2);
}
const db = getDb();
let failed = 0;
try {
  const orgs = org
    ? [await findOrganizationBySlug({ db, slug: org })]
    : await db.organization.findMany({
        select: { id: true, slug: true },
        orderBy: { slug: 'asc' },
      });
  for (const { id, slug } of orgs) {
    try {
      const run = await runReconciliation({
        scope: createOrgScope({ db, orgId: id }),
        trigger: 'cli',
        hours,
        limit,
      });
      console.log(
        `${slug}: ${run.objectsSeen} processor objects compared, ${run.discrepanciesFound} new discrepancies (run ${run.id})`,
      );
    } catch (error) {
      failed += 1;
      console.error(
        `${slug}: ${isAppError(error) || error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
} catch (error) {
  failed += 1;
  console.error(error instanceof Error ? error.message : String(error));
} finally {
  await db.$disconnect();
}
process.exit(failed > 0 ? 1 : 0);
