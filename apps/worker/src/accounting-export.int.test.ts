// Spec 002's monthly `accounting-export` job through pg-boss: per org, the previous
// calendar month stored as one export_events row, and a second run adds nothing.
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@souk/core/logger';
import { seedDatabase } from '@souk/db/seed';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { ACCOUNTING_EXPORT_QUEUE, accountingExportJob } from './jobs/accounting-export';
import { runJobNow } from './jobs/run-now';
import { startJobRunner } from './jobs/runner';
import { createMetrics } from './metrics';

let testDb: TestDatabase;
let boss: PgBoss;
let demoId = '';
let acmeId = '';

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDatabase(testDb.db);
  const orgs = await testDb.db.organization.findMany();
  demoId = orgs.find((o) => o.slug === 'demo')!.id;
  acmeId = orgs.find((o) => o.slug !== 'demo')!.id;
  boss = await startJobRunner({
    ownerUrl: testDb.ownerUrl,
    db: testDb.db,
    jobs: [
      accountingExportJob({
        db: testDb.db,
        cron: '0 0 1 1 *', // fired by hand below
        delivery: 'store',
        // Runs "on 1 December 2023": the month to export is November 2023.
        now: () => new Date('2023-12-01T03:00:00Z'),
      }),
    ],
    metrics: createMetrics(),
    log: createLogger('test', { level: 'silent' }),
  });
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await testDb?.drop();
});

async function invoiceIssuedAt(orgId: string, issuedAt: Date) {
  const order = await testDb.ownerDb.order.create({
    data: {
      orgId,
      customerEmail: 'books@example.test',
      currency: 'USD',
      subtotalCents: 2_500,
      taxCents: 0,
      totalCents: 2_500,
      createdAt: issuedAt,
    },
  });
  return testDb.ownerDb.invoice.create({
    data: {
      orgId,
      orderId: order.id,
      currency: 'USD',
      subtotalCents: 2_500,
      taxableSubtotalCents: 0,
      taxCents: 0,
      taxRateBasis: 0,
      totalCents: 2_500,
      issuedAt,
      createdAt: issuedAt,
    },
  });
}

describe(ACCOUNTING_EXPORT_QUEUE, () => {
  it('stores last month per org once, however often it runs', async () => {
    const november = await invoiceIssuedAt(demoId, new Date('2023-11-14T12:00:00Z'));
    await invoiceIssuedAt(demoId, new Date('2023-12-01T01:00:00Z'));

    const first = await runJobNow({
      boss,
      db: testDb.db,
      queue: ACCOUNTING_EXPORT_QUEUE,
      orgId: demoId,
    });
    expect(first.outcome).toBe('ok');
    const second = await runJobNow({
      boss,
      db: testDb.db,
      queue: ACCOUNTING_EXPORT_QUEUE,
      orgId: demoId,
    });
    expect(second.outcome).toBe('ok');

    // The fan-out queued acme's run beside demo's; it may still be finishing.
    for (let i = 0; i < 50; i += 1) {
      if ((await testDb.ownerDb.exportEvent.count({ where: { orgId: acmeId } })) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const rows = await testDb.ownerDb.exportEvent.findMany({ orderBy: { orgId: 'asc' } });
    const demo = rows.filter((row) => row.orgId === demoId);
    expect(demo).toHaveLength(1);
    expect(demo[0]).toMatchObject({
      status: 'stored',
      fileName: 'accounting-2023-11.csv',
      rowCount: 1,
      periodStart: new Date('2023-11-01T00:00:00Z'),
      periodEnd: new Date('2023-12-01T00:00:00Z'),
    });
    expect(demo[0]!.content).toContain(november.id);
    // The other org gets its own (empty) month too.
    expect(rows.filter((row) => row.orgId === acmeId)).toMatchObject([{ rowCount: 0 }]);
  });
});
