// The job wrapper against a real database: every run lands in job_runs, failures
// retry by the job's policy, count up, dead-letter after the last attempt, and a
// success resets the count.
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@souk/core/logger';
import { seedDatabase } from '@souk/db/seed';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { runJobNow } from './jobs/run-now';
import { deadLetterQueue, startJobRunner, type JobDefinition } from './jobs/runner';
import { createMetrics } from './metrics';

const QUEUE = 'test_per_org';
let testDb: TestDatabase;
let boss: PgBoss;
let demoId: string;
let acmeId: string;
let failing = true;
const handled: { orgId: string | null; attempt: number }[] = [];

const job: JobDefinition = {
  queue: QUEUE,
  perOrg: true,
  // Fast retries: 1 s apart, three attempts in all.
  retry: {
    maxAttempts: 3,
    baseBackoffSeconds: 1,
    backoffMultiplier: 1,
    maxBackoffSeconds: 1,
    jitterSeconds: 0,
  },
  handler: ({ orgId, attempt }) => {
    handled.push({ orgId, attempt });
    if (failing && orgId === demoId) return Promise.reject(new Error(`demo is down (${attempt})`));
    return Promise.resolve();
  },
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDatabase(testDb.db);
  const orgs = await testDb.db.organization.findMany({ orderBy: { createdAt: 'asc' } });
  expect(orgs.length).toBeGreaterThanOrEqual(2);
  demoId = orgs.find((o) => o.slug === 'demo')!.id;
  acmeId = orgs.find((o) => o.slug !== 'demo')!.id;
  boss = await startJobRunner({
    ownerUrl: testDb.ownerUrl,
    db: testDb.db,
    jobs: [job],
    metrics: createMetrics(),
    log: createLogger('test', { level: 'silent' }),
  });
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await testDb?.drop();
});

const runsOf = (orgId: string | null) =>
  testDb.db.jobRun.findMany({
    where: { queue: QUEUE, forOrgId: orgId, finishedAt: { not: null } },
    orderBy: { startedAt: 'asc' },
  });

describe('job runs', () => {
  it('records each run; failures retry with backoff, count up and dead-letter; success resets', async () => {
    await runJobNow({ boss, db: testDb.db, queue: QUEUE, orgId: acmeId });

    // The fan-out itself is a run without an org.
    const fanOut = await runsOf(null);
    expect(fanOut).toHaveLength(1);
    expect(fanOut[0]).toMatchObject({ outcome: 'ok', consecutiveFailures: 0, attempt: 1 });

    // demo fails three times, a retry about a second after each failure.
    await expect
      .poll(async () => (await runsOf(demoId)).length, { timeout: 30_000, interval: 200 })
      .toBe(3);
    const failed = await runsOf(demoId);
    expect(failed.map((r) => [r.attempt, r.outcome, r.consecutiveFailures])).toEqual([
      [1, 'failed', 1],
      [2, 'failed', 2],
      [3, 'failed', 3],
    ]);
    expect(failed[2]!.error).toBe('demo is down (3)');
    for (const run of failed) {
      expect(run.durationMs).toBeGreaterThanOrEqual(0);
      expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());
    }
    expect(
      failed[1]!.startedAt.getTime() - failed[0]!.finishedAt!.getTime(),
    ).toBeGreaterThanOrEqual(900);

    // Only the last attempt went to the dead-letter queue.
    let dead: PgBoss.Job<unknown>[] = [];
    await expect
      .poll(
        async () => {
          dead = [
            ...dead,
            ...((await boss.fetch(deadLetterQueue(QUEUE), { batchSize: 10 })) ?? []),
          ];
          return dead.length;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(1);
    expect(dead[0]!.data).toMatchObject({ orgId: demoId, attempt: 3 });

    // acme was unaffected: one run, fine.
    expect((await runsOf(acmeId)).map((r) => [r.outcome, r.consecutiveFailures])).toEqual([
      ['ok', 0],
    ]);

    // A later scheduled run starts a new chain: it fails again (4 in a row), then recovers.
    const again = await runJobNow({ boss, db: testDb.db, queue: QUEUE, orgId: demoId });
    expect(again).toMatchObject({ attempt: 1, outcome: 'failed', consecutiveFailures: 4 });
    failing = false;
    await expect
      .poll(async () => (await runsOf(demoId)).at(-1), { timeout: 30_000, interval: 200 })
      .toMatchObject({ attempt: 2, outcome: 'ok', consecutiveFailures: 0, error: null });
    expect(handled.filter((h) => h.orgId === demoId).map((h) => h.attempt)).toEqual([
      1, 2, 3, 1, 2,
    ]);
  });
});
