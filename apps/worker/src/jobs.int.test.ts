// The scheduled jobs through pg-boss, as the cron would fire them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECOVERY_SWEEP_NOTE } from '@souk/core';
import { withOrg } from '@souk/db';
import { seedDatabase } from '@souk/db/seed';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { MONITOR_QUEUE } from './jobs/monitor-orchestrations';
import { startWorker, type RunningWorker } from './server';

let testDb: TestDatabase;
let worker: RunningWorker;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDatabase(testDb.db);
  worker = await startWorker({
    ownerUrl: testDb.ownerUrl,
    appUrl: testDb.appUrl,
    port: 0,
    logLevel: 'silent',
    heartbeatCron: '0 0 1 1 *',
    monitorCron: '0 0 1 1 *', // fired by hand below
  });
});
afterAll(async () => {
  await worker?.stop();
  await testDb?.drop();
});

describe(MONITOR_QUEUE, () => {
  it('runs through the job queue and prompts an overdue checkout once', async () => {
    const org = await testDb.db.organization.findUniqueOrThrow({ where: { slug: 'demo' } });
    const customer = await testDb.db.user.findUniqueOrThrow({
      where: { email: 'customer@souk.test' },
    });
    const orchestration = await withOrg(testDb.db, org.id, async (tx) => {
      const order = await tx.order.create({
        data: {
          orgId: org.id,
          customerId: customer.id,
          customerEmail: customer.email,
          currency: 'USD',
          subtotalCents: 4900,
          taxCents: 0,
          totalCents: 4900,
        },
      });
      return tx.checkoutOrchestration.create({
        data: { orgId: org.id, orderId: order.id, nextActionAt: new Date(Date.now() - 60_000) },
      });
    });

    expect(await worker.boss!.send(MONITOR_QUEUE, {})).toEqual(expect.any(String));
    let events: { note: string | null }[] = [];
    for (let i = 0; i < 100 && events.length === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      events = await withOrg(testDb.db, org.id, (tx) =>
        tx.checkoutOrchestrationEvent.findMany({
          where: { orchestrationId: orchestration.id, kind: 'recovery_sweep' },
        }),
      );
    }
    expect(events.map((e) => e.note)).toEqual([RECOVERY_SWEEP_NOTE]);
    const prompts = await withOrg(testDb.db, org.id, (tx) =>
      tx.outboxEvent.findMany({ where: { topic: 'checkout_recovery_prompt' } }),
    );
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toMatchObject({ recipient: 'customer@souk.test', channel: 'email' });
  });
});
