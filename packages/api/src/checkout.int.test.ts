import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { STALE_SESSION_MESSAGE, sweepHostedSessions } from '@souk/core';
import { withOrg } from '@souk/db';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { createStripeGateway, type PaymentGateway } from '@souk/payments';
import { startStripeSandbox, type StripeSandbox } from '@souk/stripe-sandbox';
import { fieldErrorsOf } from './errors';
import { apiEnv } from './env';
import { callerAs, seededCallers, sessionFor } from './test/harness';
import { codeOf } from './test/trpc-errors';

let testDb: TestDatabase;
let sandbox: StripeSandbox;
let gateway: PaymentGateway;
let c: Awaited<ReturnType<typeof seededCallers>>;
let demoOrgId: string;
const key = apiEnv.CHECKOUT_API_KEY;

type Caller = ReturnType<typeof callerAs>;
let shop: Caller; // the customer, through the Next.js server (with the key)
let admin: Caller;
let admin2: Caller;
let viewer: Caller;

beforeAll(async () => {
  testDb = await createTestDatabase();
  sandbox = await startStripeSandbox({ port: 0 });
  gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
  c = await seededCallers(testDb.db);
  demoOrgId = c.sessions.admin.orgId;
  shop = callerAs(testDb.db, c.sessions.customer, undefined, { apiKey: key, gateway });
  admin = callerAs(testDb.db, c.sessions.admin, undefined, { gateway });
  admin2 = callerAs(testDb.db, await sessionFor(testDb.db, 'owner@souk.test'), undefined, {
    gateway,
  });
  viewer = callerAs(testDb.db, c.sessions.viewer, undefined, { gateway });
});
afterAll(async () => {
  await sandbox?.stop();
  await testDb?.drop();
});

async function selection(handle = '@soukshop') {
  const p = await c.anonymous.catalog.getProductBySlug({ slug: 'instagram-growth' });
  const audience = p.optionGroups.find((g) => g.name === 'Audience size')!;
  const handleField = p.customFields.find((f) => f.label === 'Instagram handle')!;
  return {
    product: p,
    handleFieldId: handleField.id,
    value: {
      options: { [audience.id]: [audience.options[1]!.id] }, // Growth +$30.00
      addOnIds: [],
      planId: p.subscriptionPlans.find((s) => s.isDefault)!.id,
      customFields: { [handleField.id]: handle },
    },
  };
}

/** The customer checks out the Growth configuration through the Next.js server. */
async function startGrowthCheckout() {
  const s = await selection();
  return shop.checkout.startCheckout({ productSlug: 'instagram-growth', selection: s.value });
}

/** The customer leaves the hosted page through its cancel link; returns the resume token. */
async function abandon(orderId: string): Promise<string> {
  const orders = (await c.customer.checkout.listMyOrders({})).items;
  const token = orders.find((o) => o.id === orderId)!.resumeToken!;
  await shop.checkout.abandonCheckout({ token });
  return token;
}

const count = (table: 'order' | 'invoice' | 'hostedCheckoutSession') =>
  withOrg(testDb.ownerDb, demoOrgId, (tx) => (tx[table] as { count(): Promise<number> }).count());

describe('storefront checkout', () => {
  it('is server-only: no X-API-Key => 401 and nothing is written', async () => {
    const s = await selection();
    const browser = callerAs(testDb.db, c.sessions.customer, undefined, { gateway });
    expect(
      await codeOf(
        browser.checkout.startCheckout({ productSlug: 'instagram-growth', selection: s.value }),
      ),
    ).toBe('UNAUTHORIZED');
    const wrongKey = callerAs(testDb.db, c.sessions.customer, undefined, {
      apiKey: 'x'.repeat(30),
      gateway,
    });
    expect(
      await codeOf(
        wrongKey.checkout.startCheckout({ productSlug: 'instagram-growth', selection: s.value }),
      ),
    ).toBe('UNAUTHORIZED');
    const anonymousWithKey = callerAs(testDb.db, null, undefined, { apiKey: key, gateway });
    expect(
      await codeOf(
        anonymousWithKey.checkout.startCheckout({
          productSlug: 'instagram-growth',
          selection: s.value,
        }),
      ),
    ).toBe('UNAUTHORIZED');
    expect(await count('order')).toBe(0);
  });

  it('refuses an incomplete configuration naming the field, writing nothing', async () => {
    const s = await selection('');
    const error = await shop.checkout
      .startCheckout({ productSlug: 'instagram-growth', selection: s.value })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf((error as TRPCError).cause)).toEqual({
      [`selection.customFields.${s.handleFieldId}`]: ['Instagram handle is required'],
    });
    expect(await count('order')).toBe(0);
  });

  it('leaves nothing half-made when the processor call fails', async () => {
    const s = await selection();
    const dead = createStripeGateway({ secretKey: 'sk_test_x', apiUrl: 'http://127.0.0.1:9' });
    const failing = callerAs(testDb.db, c.sessions.customer, undefined, {
      apiKey: key,
      gateway: dead,
    });
    expect(
      await codeOf(
        failing.checkout.startCheckout({ productSlug: 'instagram-growth', selection: s.value }),
      ),
    ).toBe('INTERNAL_SERVER_ERROR');
    expect(await count('order')).toBe(0);
    expect(await count('invoice')).toBe(0);
    expect(await count('hostedCheckoutSession')).toBe(0);
  });

  it('creates order, invoice with a tax snapshot, orchestration and a processor session in one go', async () => {
    await testDb.ownerDb.organization.update({
      where: { id: demoOrgId },
      data: { taxRateBps: 825 },
    });
    const s = await selection();
    const result = await shop.checkout.startCheckout({
      productSlug: 'instagram-growth',
      selection: s.value,
    });
    // $49.00 base + $30.00 Growth = $79.00; 8.25% tax = 651.75 -> 652 cents
    expect(result.totalCents).toBe(8552);
    expect(result.checkoutUrl).toBe(
      `${sandbox.url}/pay/${(await gateway.retrieveCheckoutSession(result.checkoutUrl.split('/').pop()!)).id}`,
    );

    await testDb.ownerDb.organization.update({
      where: { id: demoOrgId },
      data: { taxRateBps: 2000 },
    });
    const rows = await withOrg(testDb.ownerDb, demoOrgId, async (tx) => ({
      order: await tx.order.findUniqueOrThrow({
        where: { id: result.orderId },
        include: { items: true },
      }),
      invoice: await tx.invoice.findUniqueOrThrow({
        where: { id: result.invoiceId },
        include: { lineItems: true },
      }),
      session: await tx.hostedCheckoutSession.findUniqueOrThrow({
        where: { id: result.sessionId! },
      }),
      orchestration: await tx.checkoutOrchestration.findUniqueOrThrow({
        where: { orderId: result.orderId },
        include: { events: true },
      }),
    }));
    expect(rows.order).toMatchObject({
      status: 'pending_payment',
      subtotalCents: 7900,
      taxCents: 652,
      totalCents: 8552,
      customerEmail: 'customer@souk.test',
    });
    expect(rows.order.items[0]).toMatchObject({
      productName: 'Instagram Growth',
      quantity: 1,
      unitPriceCents: 7900,
    });
    expect(JSON.stringify(rows.order.items[0]!.configuration)).toContain(
      'Growth (up to 5k followers/mo)',
    );
    // The snapshot survives a later change of the org's rate.
    expect(rows.invoice).toMatchObject({
      status: 'open',
      subtotalCents: 7900,
      taxableSubtotalCents: 7900,
      taxCents: 652,
      taxRateBasis: 825,
      totalCents: 8552,
    });
    // Due INVOICE_DUE_DAYS (14) after issue; the overdue sweep goes by it.
    const dueInDays =
      (rows.invoice.dueAt!.getTime() - rows.invoice.issuedAt.getTime()) / 86_400_000;
    expect(dueInDays).toBeGreaterThan(13.9);
    expect(dueInDays).toBeLessThan(14.1);
    expect(rows.invoice.lineItems.map((l) => [l.description, l.totalCents])).toEqual([
      ['Instagram Growth', 7900],
      ['Tax', 652],
    ]);
    expect(rows.session).toMatchObject({ status: 'open', amountCents: 8552, currency: 'USD' });
    const processor = await gateway.retrieveCheckoutSession(rows.session.processorSessionId);
    expect(processor).toMatchObject({ status: 'open', amountTotalCents: 8552 });
    expect(rows.orchestration.stage).toBe('payment');
    expect(rows.orchestration.events.map((e) => e.kind)).toEqual(['created']);
    await testDb.ownerDb.organization.update({ where: { id: demoOrgId }, data: { taxRateBps: 0 } });

    const mine = (await c.customer.checkout.listMyOrders({})).items;
    expect(mine.find((o) => o.id === result.orderId)).toMatchObject({
      status: 'pending_payment',
      totalCents: 8552,
    });
  });
});

describe('session lifecycle (admin)', () => {
  it('lists sessions for the org only; staff without checkout.manage cannot regenerate', async () => {
    const list = await admin.checkout.listSessions({});
    expect(list.total).toBeGreaterThan(0);
    const acme = callerAs(testDb.db, c.sessions.acmeAdmin, undefined, { gateway });
    expect((await acme.checkout.listSessions({})).total).toBe(0);
    expect(await codeOf(acme.checkout.getSession({ id: list.items[0]!.id }))).toBe('NOT_FOUND');
    expect(
      await codeOf(
        viewer.checkout.regenerateSession({
          id: list.items[0]!.id,
          expectedUpdatedAt: list.items[0]!.updatedAt,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await codeOf(c.customer.checkout.listSessions({}))).toBe('FORBIDDEN');
  });

  it('regenerates once; a second admin with a stale view gets a clear conflict', async () => {
    const started = await startGrowthCheckout();
    const seen = await admin.checkout.getSession({ id: started.sessionId! });
    const seenBySecond = await admin2.checkout.getSession({ id: started.sessionId! });

    const fresh = await admin.checkout.regenerateSession({
      id: seen.id,
      expectedUpdatedAt: seen.updatedAt,
    });
    expect(fresh.url).not.toBe(seen.url);
    const error = await admin2.checkout
      .regenerateSession({ id: seenBySecond.id, expectedUpdatedAt: seenBySecond.updatedAt })
      .catch((e: unknown) => e as TRPCError);
    expect((error as TRPCError).code).toBe('CONFLICT');
    expect((error as TRPCError).message).toMatch(/superseded|changed by someone else/);

    const old = await admin.checkout.getSession({ id: seen.id });
    expect(old).toMatchObject({ status: 'superseded', replacedById: fresh.id });
    expect((await gateway.retrieveCheckoutSession(seen.processorSessionId)).status).toBe('expired');
    const audit = await admin.audit.listEntries({ entityType: 'hosted_checkout_session' });
    expect(JSON.stringify(audit)).toContain('checkout_session.regenerated');
  });

  it('50 concurrent regenerate attempts: exactly one wins, the rest conflict', async () => {
    const started = await startGrowthCheckout();
    const seen = await admin.checkout.getSession({ id: started.sessionId! });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () =>
        codeOf(
          admin.checkout.regenerateSession({ id: seen.id, expectedUpdatedAt: seen.updatedAt }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(49);
    const sessions = await withOrg(testDb.ownerDb, demoOrgId, (tx) =>
      tx.hostedCheckoutSession.findMany({ where: { invoiceId: started.invoiceId } }),
    );
    expect(sessions.map((x) => x.status).sort()).toEqual(['open', 'superseded']);
  });

  it('stale timestamps are refused even with nobody else acting', async () => {
    const list = await admin.checkout.listSessions({ status: 'open' });
    const row = list.items[0]!;
    const error = await admin.checkout
      .regenerateSession({
        id: row.id,
        expectedUpdatedAt: new Date(row.updatedAt.getTime() - 1000),
      })
      .catch((e: unknown) => e as TRPCError);
    expect((error as TRPCError).message).toBe(STALE_SESSION_MESSAGE);
  });
});

describe('abandonment, sweep and recovery', () => {
  it('sweeps idempotently and safely with two workers at once', async () => {
    const s = await selection();
    const started = await Promise.all(
      [1, 2, 3].map(() =>
        shop.checkout.startCheckout({ productSlug: 'instagram-growth', selection: s.value }),
      ),
    );
    const future = new Date(Date.now() + 2 * 86_400_000); // past every expiry
    const [a, b] = await Promise.all([
      withOrg(testDb.db, demoOrgId, (tx) => sweepHostedSessions({ tx, now: future })),
      withOrg(testDb.db, demoOrgId, (tx) => sweepHostedSessions({ tx, now: future })),
    ]);
    const openBefore = a.expired + b.expired;
    const again = await withOrg(testDb.db, demoOrgId, (tx) =>
      sweepHostedSessions({ tx, now: future }),
    );
    expect(again).toEqual({ expired: 0, abandoned: 0 });
    const statuses = await withOrg(testDb.ownerDb, demoOrgId, (tx) =>
      tx.hostedCheckoutSession.findMany({
        where: { id: { in: started.map((x) => x.sessionId!) } },
      }),
    );
    expect(statuses.every((x) => x.status === 'expired')).toBe(true);
    const totalOpenOrAbandoned = await withOrg(testDb.ownerDb, demoOrgId, (tx) =>
      tx.hostedCheckoutSession.count({ where: { status: { in: ['open', 'abandoned'] } } }),
    );
    expect(totalOpenOrAbandoned).toBe(0);
    expect(openBefore).toBeGreaterThanOrEqual(3);
  });

  it('an abandoned checkout gets one recovery email with a resume link, which opens a fresh session', async () => {
    const started = await startGrowthCheckout();
    const mine = (await c.customer.checkout.listMyOrders({})).items;
    const token = mine.find((o) => o.id === started.orderId)!.resumeToken!;
    const marked = await shop.checkout.abandonCheckout({ token });
    expect(marked.abandoned).toBe(1);

    const run = await admin.checkout.runRecovery();
    expect(run.emailsQueued).toBeGreaterThanOrEqual(1);
    const outbox = await admin.outbox.listMessages({});
    const email = outbox.items.find(
      // Links carry their issue time, so the email's token is not the account page's.
      (r) => r.topic === 'checkout.recovery' && r.body.includes(`/resume/${started.orderId}.`),
    );
    expect(email).toMatchObject({
      channel: 'email',
      recipient: 'customer@souk.test',
      status: 'pending',
    });
    expect(email!.subject).toContain('is waiting for you');
    expect(email!.body).toContain(`/checkout/resume/${started.orderId}.`);

    const rerun = await admin.checkout.runRecovery();
    expect(rerun.emailsQueued).toBe(0); // next attempt only after the retry interval
    expect((await admin.checkout.listRecoveryRuns({})).total).toBeGreaterThanOrEqual(2);

    const resumed = await shop.checkout.resumeCheckout({ token });
    expect(resumed.status).toBe('open');
    const again = await shop.checkout.resumeCheckout({ token });
    expect(again).toEqual(resumed); // the live page is reused, not multiplied
    const sessions = await withOrg(testDb.ownerDb, demoOrgId, (tx) =>
      tx.hostedCheckoutSession.findMany({
        where: { invoiceId: started.invoiceId },
        orderBy: { createdAt: 'asc' },
      }),
    );
    expect(sessions.map((x) => x.status)).toEqual(['superseded', 'open']);
    expect(await codeOf(shop.checkout.resumeCheckout({ token: `${started.orderId}.forged` }))).toBe(
      'NOT_FOUND',
    );
  });

  it('skips customers who opted out of order updates, and logs it', async () => {
    await c.customer.checkout.setMyPreferences({ orderUpdates: false });
    const started = await startGrowthCheckout();
    const token = await abandon(started.orderId);
    const run = await admin.checkout.runRecovery();
    expect(run.skippedCount).toBeGreaterThanOrEqual(1);
    const outbox = await admin.outbox.listMessages({ pageSize: 100 });
    expect(outbox.items.some((r) => r.body.includes(token))).toBe(false);
    const orchestration = await admin.checkout.getOrchestration({ orderId: started.orderId });
    expect(orchestration.events.some((e) => e.note?.includes('opted out'))).toBe(true);
    await c.customer.checkout.setMyPreferences({ orderUpdates: true });
  });
});

describe('orchestration (spec 003)', () => {
  it('get-or-create, posting an event advances the stage, every transition is recorded', async () => {
    const started = await startGrowthCheckout();
    const first = await admin.checkout.getOrchestration({ orderId: started.orderId });
    expect(first.stage).toBe('payment');
    const advanced = await admin.checkout.postOrchestrationEvent({
      orderId: started.orderId,
      kind: 'advance',
      note: 'Paid by bank transfer',
    });
    expect(advanced.stage).toBe('identity_verification');
    expect(advanced.lastTransition).toMatchObject({
      fromStage: 'payment',
      toStage: 'identity_verification',
      note: 'Paid by bank transfer',
    });
    expect(advanced.events[0]).toMatchObject({ kind: 'transition', actorEmail: 'admin@souk.test' });
    const error = await admin.checkout
      .postOrchestrationEvent({ orderId: started.orderId, kind: 'note', note: '  ' })
      .catch((e: unknown) => e as TRPCError);
    expect(fieldErrorsOf((error as TRPCError).cause)).toEqual({ note: ['Note is required'] });
    expect(
      await codeOf(
        viewer.checkout.postOrchestrationEvent({
          orderId: started.orderId,
          kind: 'advance',
          note: 'x',
        }),
      ),
    ).toBe('FORBIDDEN');
    const acme = callerAs(testDb.db, c.sessions.acmeAdmin);
    expect(await codeOf(acme.checkout.getOrchestration({ orderId: started.orderId }))).toBe(
      'NOT_FOUND',
    );
  });

  it('the monitor prompts overdue orchestrations once, skips opted-out customers and escalates missing ones', async () => {
    const s = await selection();
    const [due, optedOut, orphan] = await Promise.all(
      [1, 2, 3].map(() =>
        shop.checkout.startCheckout({ productSlug: 'instagram-growth', selection: s.value }),
      ),
    );
    const past = new Date(Date.now() - 60_000);
    await withOrg(testDb.ownerDb, demoOrgId, async (tx) => {
      await tx.checkoutOrchestration.updateMany({
        data: { nextActionAt: new Date(Date.now() + 3_600_000) },
      });
      await tx.checkoutOrchestration.updateMany({
        where: { orderId: { in: [due!.orderId, optedOut!.orderId, orphan!.orderId] } },
        data: { nextActionAt: past },
      });
      await tx.order.update({ where: { id: orphan!.orderId }, data: { customerId: null } });
    });
    // The opted-out customer is a second shopper.
    const other = await testDb.ownerDb.user.create({
      data: { email: `shopper-${Date.now()}@souk.test` },
    });
    await withOrg(testDb.ownerDb, demoOrgId, async (tx) => {
      await tx.order.update({
        where: { id: optedOut!.orderId },
        data: { customerId: other.id, customerEmail: other.email },
      });
      await tx.customerPreference.create({
        data: { orgId: demoOrgId, userId: other.id, orderUpdates: false },
      });
    });

    const summary = await admin.checkout.runOrchestrationMonitor();
    expect(summary).toEqual({ processed: 3, prompted: 1, skipped: 1, escalated: 1 });
    const again = await admin.checkout.runOrchestrationMonitor();
    expect(again.processed).toBe(0); // next_action_at moved on

    const prompt = (await admin.outbox.listMessages({ pageSize: 100 })).items.filter(
      (r) => r.topic === 'checkout_recovery_prompt',
    );
    expect(prompt).toHaveLength(1);
    expect(prompt[0]!.body).toContain('"Payment" stage');
    expect(prompt[0]!.body).toContain('/checkout/resume/');

    const views = await Promise.all(
      [due, optedOut, orphan].map((o) => admin.checkout.getOrchestration({ orderId: o!.orderId })),
    );
    for (const v of views)
      expect(v.events.some((e) => e.note === 'Recovery sweep executed')).toBe(true);
    expect(views[1]!.events.some((e) => e.kind === 'recovery_skipped')).toBe(true);
    expect(views[2]!.escalations).toBe(1);
    const orphanRow = await withOrg(testDb.ownerDb, demoOrgId, (tx) =>
      tx.checkoutOrchestration.findUniqueOrThrow({ where: { orderId: orphan!.orderId } }),
    );
    expect(JSON.stringify(orphanRow.metadata)).toContain('no customer record');
    for (const v of views) expect(v.nextActionAt!.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('per-org processor credentials', () => {
  it('only the owner stores them; they are encrypted at rest and never returned', async () => {
    const owner = callerAs(testDb.db, await sessionFor(testDb.db, 'owner@souk.test'));
    expect(await owner.payments.getCredentialsStatus()).toEqual({ source: 'sandbox' });
    const bad = await owner.payments
      .setCredentials({ secretKey: 'pk_live_nope' })
      .catch((e: unknown) => e as TRPCError);
    expect(fieldErrorsOf((bad as TRPCError).cause)).toEqual({
      secretKey: ['Secret key must look like sk_test_… or sk_live_…'],
    });
    expect(await codeOf(admin.payments.setCredentials({ secretKey: 'sk_test_abcdefgh1234' }))).toBe(
      'FORBIDDEN',
    );

    const status = await owner.payments.setCredentials({
      secretKey: 'sk_test_orgsecret9876',
      webhookSecret: 'whsec_orgwebhook1234',
    });
    expect(status).toMatchObject({
      source: 'org',
      mode: 'test',
      secretKeyLast4: '9876',
      hasWebhookSecret: true,
    });
    const row = await withOrg(testDb.ownerDb, demoOrgId, (tx) =>
      tx.paymentAccount.findUniqueOrThrow({ where: { orgId: demoOrgId } }),
    );
    expect(row.secretKeyEncrypted).not.toContain('orgsecret');
    expect(row.webhookSecretEncrypted).not.toContain('orgwebhook');
    const audit = await withOrg(testDb.ownerDb, demoOrgId, (tx) =>
      tx.auditLog.findFirstOrThrow({ where: { action: 'payment_credentials.set' } }),
    );
    expect(JSON.stringify(audit)).not.toContain('orgsecret');
    expect(JSON.stringify(await admin.payments.getCredentialsStatus())).not.toContain('orgsecret');
    await withOrg(testDb.ownerDb, demoOrgId, (tx) => tx.paymentAccount.deleteMany());
  });
});

describe('recovery escalation', () => {
  it('later attempts go to Slack when configured, never twice for the same attempt', async () => {
    const { runSessionRecovery } = await import('@souk/core');
    const started = await startGrowthCheckout();
    await abandon(started.orderId);
    const settings = {
      limit: 100,
      maxAttempts: 3,
      emailAttempts: 1,
      retryMinutes: 60,
      abandonAfterMinutes: 30,
      emailEnabled: true,
      slackEnabled: true,
      slackChannel: '#ops',
    };
    const run = (now: Date) =>
      withOrg(testDb.db, demoOrgId, (tx) =>
        runSessionRecovery({
          ctx: { tx, orgId: demoOrgId, actor: null, requestId: null },
          trigger: 'schedule',
          settings,
          now,
        }),
      );
    const t0 = Date.now();
    await run(new Date(t0));
    await run(new Date(t0 + 61 * 60_000));
    await run(new Date(t0 + 122 * 60_000));
    await run(new Date(t0 + 183 * 60_000)); // max attempts reached: nothing more
    const rows = await withOrg(testDb.ownerDb, demoOrgId, (tx) =>
      tx.outboxEvent.findMany({
        where: { dedupeKey: { startsWith: `session:${started.sessionId}:` } },
        orderBy: { dedupeKey: 'asc' },
      }),
    );
    expect(rows.map((r) => [r.dedupeKey.split(':').pop(), r.channel])).toEqual([
      ['1', 'email'],
      ['2', 'slack'],
      ['3', 'slack'],
    ]);
    expect(rows[1]).toMatchObject({ recipient: '#ops', topic: 'checkout.recovery.escalation' });
  });
});

describe('loyalty hold', () => {
  it('holds the order while the member has pending loyalty steps; the banner lists them', async () => {
    const started = await startGrowthCheckout();
    const post = (kind: 'advance' | 'loyalty_step' | 'loyalty_step_done', note: string) =>
      admin.checkout.postOrchestrationEvent({ orderId: started.orderId, kind, note });
    await post('advance', 'Paid offline');
    await post('advance', 'Identity checked');
    const held = await post('loyalty_step', 'Confirm loyalty card number');
    expect(held.stage).toBe('loyalty_hold');
    expect(held.pendingLoyaltySteps).toEqual(['Confirm loyalty card number']);

    const blocked = await post('advance', 'Try to skip').catch((e: unknown) => e as TRPCError);
    expect((blocked as TRPCError).code).toBe('CONFLICT');
    expect((blocked as TRPCError).message).toContain('Confirm loyalty card number');
    const unknown = await post('loyalty_step_done', 'Nope').catch((e: unknown) => e as TRPCError);
    expect(fieldErrorsOf((unknown as TRPCError).cause)).toEqual({
      note: ['No pending loyalty step has this name'],
    });

    const sessionId = (await admin.checkout.getSession({ id: started.sessionId! }))
      .processorSessionId;
    const banner = await c.anonymous.checkout.getCheckoutStatus({ sessionId });
    expect(banner.orchestration.pendingLoyaltySteps).toEqual(['Confirm loyalty card number']);
    // The customer's view names the stage, never the operator or their notes.
    expect(banner.orchestration.lastTransition).toMatchObject({
      toStage: 'loyalty_hold',
      note: 'Moved to Loyalty hold',
    });
    expect(JSON.stringify(banner)).not.toContain('admin@souk.test');
    expect(JSON.stringify(banner)).not.toContain('Identity checked');

    const done = await post('loyalty_step_done', 'Confirm loyalty card number');
    expect(done.pendingLoyaltySteps).toEqual([]);
    expect((await post('advance', 'Ready')).stage).toBe('fulfillment_readiness');
  });
});
