// Test helpers: the demo org's customer, and a worker over a test database that takes
// signed webhooks but applies them only when a test drains them.
import type { Db } from '@souk/db';
import type { TestDatabase } from '@souk/db/testing';
import { startWorker } from './server';

/** The seeded demo org and its customer, who checks out in the tests. */
export async function demoCustomer(db: Db) {
  const orgId = (await db.organization.findUniqueOrThrow({ where: { slug: 'demo' } })).id;
  const user = await db.user.findUniqueOrThrow({ where: { email: 'customer@souk.test' } });
  return { orgId, customer: { id: user.id, email: user.email } };
}

/** No jobs and no applier of its own, so each test sees a deterministic ledger. */
export function startTestWorker(testDb: TestDatabase, webhookSecret: string) {
  return startWorker({
    ownerUrl: testDb.ownerUrl,
    appUrl: testDb.appUrl,
    port: 0,
    jobsEnabled: false,
    logLevel: 'silent',
    webhookSecrets: [webhookSecret],
    applier: { enabled: false },
  });
}
