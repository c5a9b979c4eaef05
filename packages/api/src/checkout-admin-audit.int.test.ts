// Staff-started checkout runs leave an audit row naming who ran them and what they did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverySettingsFromEnv, runSessionRecoveryForAllOrgs } from '@souk/core';
import { withOrg } from '@souk/db';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { createStripeGateway } from '@souk/payments';
import { startStripeSandbox, type StripeSandbox } from '@souk/stripe-sandbox';
import { apiEnv } from './env';
import { callerAs, seededCallers } from './test/harness';

let testDb: TestDatabase;
let sandbox: StripeSandbox;
let c: Awaited<ReturnType<typeof seededCallers>>;
type Caller = ReturnType<typeof callerAs>;
let shop: Caller;
let admin: Caller;
let orgId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  sandbox = await startStripeSandbox({ port: 0 });
  const gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
  c = await seededCallers(testDb.db);
  orgId = c.sessions.admin.orgId;
  shop = callerAs(testDb.db, c.sessions.customer, undefined, {
    apiKey: apiEnv.CHECKOUT_API_KEY,
    gateway,
  });
  admin = callerAs(testDb.db, c.sessions.admin, 'req-audit-1', { gateway });
});
afterAll(async () => {
  await sandbox?.stop();
  await testDb?.drop();
});

async function startGrowthCheckout() {
  const p = await c.anonymous.catalog.getProductBySlug({ slug: 'instagram-growth' });
  const audience = p.optionGroups.find((g) => g.name === 'Audience size')!;
  const handle = p.customFields.find((f) => f.label === 'Instagram handle')!;
  return shop.checkout.startCheckout({
    productSlug: 'instagram-growth',
    selection: {
      options: { [audience.id]: [audience.options[1]!.id] },
      addOnIds: [],
      planId: p.subscriptionPlans.find((s) => s.isDefault)!.id,
      customFields: { [handle.id]: '@soukshop' },
    },
  });
}

const audits = (action: string) =>
  withOrg(testDb.ownerDb, orgId, (tx) =>
    tx.auditLog.findMany({ where: { action }, orderBy: { createdAt: 'asc' } }),
  );

describe('checkout.runRecovery', () => {
  it('records who ran it and what it sent; scheduled runs add no audit row', async () => {
    const started = await startGrowthCheckout();
    const token = (await c.customer.checkout.listMyOrders({})).items.find(
      (o) => o.id === started.orderId,
    )!.resumeToken!;
    await shop.checkout.abandonCheckout({ token });

    const run = await admin.checkout.runRecovery();
    expect(run.emailsQueued).toBe(1);
    const rows = await audits('session_recovery.ran');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorEmail: 'admin@souk.test',
      actorId: c.sessions.admin.user.id,
      entityType: 'hosted_session_recovery_run',
      entityId: run.id,
      requestId: 'req-audit-1',
      after: { trigger: 'manual', emailsQueued: 1, slackQueued: 0, skipped: 0 },
    });

    await runSessionRecoveryForAllOrgs({
      db: testDb.db,
      orgIds: [orgId],
      settings: recoverySettingsFromEnv(),
    });
    expect(await audits('session_recovery.ran')).toHaveLength(1);
  });
});

describe('checkout.runOrchestrationMonitor', () => {
  it('records who ran it and which orchestrations it prompted', async () => {
    const started = await startGrowthCheckout();
    const orchestration = await withOrg(testDb.ownerDb, orgId, async (tx) => {
      await tx.checkoutOrchestration.updateMany({
        data: { nextActionAt: new Date(Date.now() + 3_600_000) },
      });
      return tx.checkoutOrchestration.update({
        where: { orderId: started.orderId },
        data: { nextActionAt: new Date(Date.now() - 60_000) },
      });
    });

    const summary = await admin.checkout.runOrchestrationMonitor();
    expect(summary).toEqual({ processed: 1, prompted: 1, skipped: 0, escalated: 0 });
    const rows = await audits('orchestration_monitor.ran');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorEmail: 'admin@souk.test',
      entityType: 'checkout_orchestration',
      requestId: 'req-audit-1',
      after: {
        processed: 1,
        prompted: 1,
        skipped: 0,
        escalated: 0,
        orchestrationIds: [orchestration.id],
      },
    });
  });
});
