// The daily `retention-cleanup` job through pg-boss: per org, a pending deletion request is
// carried out (the person's account anonymised, the request completed), other orgs untouched.
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@souk/core/logger';
import { seedDatabase } from '@souk/db/seed';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { RETENTION_CLEANUP_QUEUE, retentionCleanupJob } from './jobs/retention-cleanup';
import { runJobNow } from './jobs/run-now';
import { startJobRunner } from './jobs/runner';
import { createMetrics } from './metrics';

let testDb: TestDatabase;
let boss: PgBoss;
let demoId = '';

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDatabase(testDb.db);
  const orgs = await testDb.db.organization.findMany();
  demoId = orgs.find((o) => o.slug === 'demo')!.id;
  boss = await startJobRunner({
    ownerUrl: testDb.ownerUrl,
    db: testDb.db,
    jobs: [retentionCleanupJob({ db: testDb.db, cron: '0 0 1 1 *' /* fired by hand */ })],
    metrics: createMetrics(),
    log: createLogger('test', { level: 'silent' }),
  });
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await testDb?.drop();
});

describe('retention-cleanup job', () => {
  it('erases a person with a pending deletion request', async () => {
    const email = `leaving-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const user = await testDb.ownerDb.user.create({ data: { email, name: 'Lea Ving' } });
    await testDb.ownerDb.membership.create({
      data: { orgId: demoId, userId: user.id, role: 'CUSTOMER' },
    });
    await testDb.ownerDb.order.create({
      data: {
        orgId: demoId,
        customerId: user.id,
        customerEmail: email,
        currency: 'USD',
        subtotalCents: 1_000,
        taxCents: 0,
        totalCents: 1_000,
      },
    });
    const request = await testDb.ownerDb.dataRequest.create({
      data: { orgId: demoId, kind: 'deletion', subjectEmail: email },
    });

    const run = await runJobNow({
      boss,
      db: testDb.db,
      queue: RETENTION_CLEANUP_QUEUE,
      orgId: demoId,
    });
    expect(run.outcome).toBe('ok');

    const done = await testDb.ownerDb.dataRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(done.status).toBe('completed');
    const erased = await testDb.ownerDb.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(erased).toMatchObject({ email: `erased+${user.id}@invalid`, name: null });
    expect(await testDb.ownerDb.order.count({ where: { customerEmail: email } })).toBe(0);
  });
});
