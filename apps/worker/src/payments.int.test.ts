// The payment-event ledger end to end: the real stripe SDK -> sandbox -> signed
// webhooks -> POST /webhooks/stripe -> Postgres; and outbox delivery over SMTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '@souk/emails';
import {
  createTransports,
  outboxRetryPolicy,
  replayProcessorEvent,
  type Transports,
} from '@souk/core';
import { withOrg } from '@souk/db';
import { testDatabaseForFile } from '@souk/db/testing';
import { createStripeGateway, type PaymentGateway } from '@souk/payments';
import { signPayload, startStripeSandbox, type StripeSandbox } from '@souk/stripe-sandbox';
import { FULFILLMENT_QUEUE } from './jobs/fulfillment-tasks';
import { OUTBOX_DELIVERY_QUEUE } from './jobs/outbox-delivery';
import { runJobNow } from './jobs/run-now';
import { startWorker, type RunningWorker } from './server';
import { startTestCheckout } from './test-checkout';
import { demoCustomer, startTestWorker } from './test-worker';

const SECRET = 'whsec_worker_test';
const testDb = testDatabaseForFile({ seed: true });
let sandbox: StripeSandbox;
let gateway: PaymentGateway;
let worker: RunningWorker;
let orgId: string;
let customer: { id: string; email: string };
const hook = () => `http://127.0.0.1:${worker.port}/webhooks/stripe`;

beforeAll(async () => {
  ({ orgId, customer } = await demoCustomer(testDb.db));
  // Applied by hand (settle()) so each test sees a deterministic ledger.
  worker = await startTestWorker(testDb, SECRET);
  sandbox = await startStripeSandbox({
    port: 0,
    webhookEndpoints: [{ url: hook(), secret: SECRET }],
    retry: { maxAttempts: 5, baseDelayMs: 20 },
  });
  gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
});
afterAll(async () => {
  await sandbox?.stop();
  await worker?.stop();
});

async function checkout() {
  const product = await withOrg(testDb.db, orgId, (tx) =>
    tx.product.findFirstOrThrow({ where: { slug: 'brand-photo-session' } }),
  );
  expect(product.basePriceCents).toBe(35000);
  return startTestCheckout({ db: testDb.db, orgId, customer, gateway });
}

const processorId = (url: string) => url.split('/').pop()!;

/** Every webhook delivered and every stored event applied, as a quiet worker would. */
async function settle() {
  await sandbox.flushDeliveries();
  await worker.applier.drain();
}

async function payOnHostedPage(checkoutUrl: string, action: 'pay' | 'decline' = 'pay') {
  const res = await fetch(`${checkoutUrl}/${action}`, { method: 'POST', redirect: 'manual' });
  expect([200, 303]).toContain(res.status);
  await settle();
}

const ledgerRow = (eventId: string) =>
  withOrg(testDb.ownerDb, orgId, (tx) => tx.processorEvent.findFirst({ where: { eventId } }));

const state = (orderId: string) =>
  withOrg(testDb.db, orgId, async (tx) => {
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { orderId } });
    return {
      order,
      invoice,
      sessions: await tx.hostedCheckoutSession.findMany({ where: { invoiceId: invoice.id } }),
      payments: await tx.payment.findMany({ where: { invoiceId: invoice.id } }),
      orchestration: await tx.checkoutOrchestration.findUniqueOrThrow({ where: { orderId } }),
      tasks: await tx.fulfillmentTask.findMany({ where: { orderId } }),
      outbox: await tx.outboxEvent.findMany({ where: { dedupeKey: { contains: orderId } } }),
      events: await tx.processorEvent.findMany({ where: { invoiceId: invoice.id } }),
    };
  });

/** A processor event as the webhook route receives it (raw JSON), with a unique id. */
function eventBody(idPrefix: string, type: string, object: Record<string, unknown>): string {
  return JSON.stringify({
    id: `evt_${idPrefix}_${Date.now()}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
  });
}

async function post(body: string, signature: string | null) {
  return fetch(hook(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature ? { 'stripe-signature': signature } : {}),
    },
    body,
  });
}

describe('POST /webhooks/stripe', () => {
  it('a paid checkout marks invoice and order paid, advances the stage, queues the confirmation and tasks', async () => {
    const started = await checkout();
    await payOnHostedPage(started.checkoutUrl);
    const s = await state(started.orderId);
    expect(s.order.status).toBe('paid');
    expect(s.invoice).toMatchObject({ status: 'paid', amountPaidCents: 35000 });
    expect(s.sessions[0]).toMatchObject({ status: 'completed' });
    expect(s.payments).toHaveLength(1);
    expect(s.payments[0]).toMatchObject({ status: 'succeeded', amountCents: 35000 });
    expect(s.orchestration.stage).toBe('identity_verification');
    expect(s.tasks.map((t) => t.kind).sort()).toEqual(['confirm_order', 'prepare_delivery']);
    expect(s.outbox).toHaveLength(1);
    expect(s.outbox[0]).toMatchObject({
      topic: 'order.confirmation',
      recipient: 'customer@souk.test',
      status: 'pending',
    });
    expect(s.outbox[0]!.body).toContain('$350.00');
    expect(s.events.map((e) => [e.type, e.status]).sort()).toEqual([
      ['checkout.session.completed', 'processed'],
      ['payment_intent.succeeded', 'processed'],
    ]);
  });

  it('duplicate deliveries answer 200 and change nothing', async () => {
    sandbox.setDeliveryMode({ duplicate: 2 });
    const started = await checkout();
    await payOnHostedPage(started.checkoutUrl);
    sandbox.setDeliveryMode({ duplicate: 0 });
    const s = await state(started.orderId);
    expect(s.payments).toHaveLength(1);
    expect(s.outbox).toHaveLength(1);
    expect(s.events).toHaveLength(2); // one ledger row per event id
    const deliveries = sandbox
      .deliveries()
      .filter((d) => s.events.some((e) => e.eventId === d.eventId));
    expect(deliveries.length).toBe(6);
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
  });

  it('reordered deliveries reach the same state; a late "expired" after "completed" does nothing', async () => {
    sandbox.setDeliveryMode({ reorder: true });
    const started = await checkout();
    await payOnHostedPage(started.checkoutUrl);
    sandbox.setDeliveryMode({ reorder: false });
    const s = await state(started.orderId);
    expect(s.order.status).toBe('paid');
    expect(s.invoice.amountPaidCents).toBe(35000);
    expect(s.payments).toHaveLength(1);

    const session = s.sessions[0]!;
    const expired = sandbox.emit('checkout.session.expired', {
      id: session.processorSessionId,
      object: 'checkout.session',
      status: 'expired',
      metadata: { orgId, invoiceId: s.invoice.id, orderId: started.orderId },
    });
    await settle();
    const after = await state(started.orderId);
    expect(after.sessions[0]!.status).toBe('completed');
    expect(after.order.status).toBe('paid');
    expect(after.events.find((e) => e.eventId === expired.id)?.status).toBe('processed');
  });

  it('rejects bad, missing, stale and future-dated signatures without storing anything', async () => {
    const started = await checkout();
    const body = eventBody('forged', 'checkout.session.completed', {
      id: processorId(started.checkoutUrl),
      payment_status: 'paid',
      payment_intent: 'pi_forged',
      amount_total: 35000,
      metadata: { orgId },
    });
    const now = Math.floor(Date.now() / 1000);
    for (const signature of [
      null,
      signPayload(body, 'whsec_wrong'),
      // The tolerance is 300 s; tested with a wide margin so a loaded machine cannot flip it.
      signPayload(body, SECRET, now - 600),
      signPayload(body, SECRET, now + 600),
      signPayload(`${body} `, SECRET),
    ]) {
      const res = await post(body, signature);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    const s = await state(started.orderId);
    expect(s.order.status).toBe('pending_payment');
    const ledger = await withOrg(testDb.db, orgId, (tx) =>
      tx.processorEvent.count({ where: { eventId: { startsWith: 'evt_forged_' } } }),
    );
    expect(ledger).toBe(0);
  });

  it('an event for a row Souk does not have yet is stored, answered 200 and kept waiting', async () => {
    const body = eventBody('missing', 'checkout.session.completed', {
      id: 'cs_test_unknown',
      metadata: { orgId },
    });
    const res = await post(body, signPayload(body, SECRET));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, status: 'stored' });
    await worker.applier.drain();
    const row = await withOrg(testDb.db, orgId, (tx) =>
      tx.processorEvent.findFirstOrThrow({ where: { eventId: { startsWith: 'evt_missing_' } } }),
    );
    expect(row).toMatchObject({
      status: 'waiting',
      type: 'checkout.session.completed',
      waitingFor: 'cs_test_unknown',
      attempts: 1,
    });
    expect(row.error).toContain('not found');
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('a handler that fails in the database keeps the stored event, retries it itself, and fails it after 3 days', async () => {
    const started = await checkout();
    const s0 = await state(started.orderId);
    const event = {
      id: `evt_dbfail_${Date.now()}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: `pi_dbfail_${Date.now()}`,
          object: 'payment_intent',
          amount: -100,
          amount_received: -100,
          metadata: { orgId, invoiceId: s0.invoice.id },
        },
      },
    };
    const body = JSON.stringify(event);
    const res = await post(body, signPayload(body, SECRET));
    expect(res.status).toBe(200); // durable: from here on, retrying is Souk's job
    await worker.applier.drain();
    const stored = await ledgerRow(event.id);
    // A CHECK constraint refuses a negative payment: rolled back, rescheduled with the reason.
    expect(stored).toMatchObject({ status: 'waiting', attempts: 1 });
    expect(stored!.error).toContain('payments_amounts');
    const after = await state(started.orderId);
    expect(after.payments).toHaveLength(0);
    expect(after.invoice.status).toBe('open');

    // A redelivery is a duplicate and changes nothing.
    const again = await post(body, signPayload(body, SECRET));
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    expect((await ledgerRow(event.id))!.attempts).toBe(1);

    // Its backoff is over: the applier tries again by itself.
    const due = () =>
      withOrg(testDb.ownerDb, orgId, (tx) =>
        tx.processorEvent.updateMany({
          where: { eventId: event.id },
          data: { nextAttemptAt: new Date(Date.now() - 60_000) },
        }),
      );
    await due();
    await worker.applier.drain();
    expect(await ledgerRow(event.id)).toMatchObject({ status: 'waiting', attempts: 2 });

    // Received four days ago (past the processor's 3-day horizon): failed, with the reason.
    await withOrg(testDb.ownerDb, orgId, (tx) =>
      tx.processorEvent.updateMany({
        where: { eventId: event.id },
        data: { receivedAt: new Date(Date.now() - 4 * 24 * 3600_000) },
      }),
    );
    await due();
    await worker.applier.drain();
    const failed = await ledgerRow(event.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed!.error).toMatch(/^Gave up after 3 days of retries: .*payments_amounts/);
  });

  it('a declined card records the failure on the session and the orchestration; the invoice stays open', async () => {
    const started = await checkout();
    await payOnHostedPage(started.checkoutUrl, 'decline');
    const s = await state(started.orderId);
    expect(s.invoice.status).toBe('open');
    expect(s.sessions[0]).toMatchObject({
      status: 'open',
      lastPaymentError: 'Your card was declined.',
    });
    expect(s.payments[0]).toMatchObject({ status: 'failed' });
    const events = await withOrg(testDb.db, orgId, (tx) =>
      tx.checkoutOrchestrationEvent.findMany({ where: { orchestrationId: s.orchestration.id } }),
    );
    expect(
      events.some(
        (e) => e.kind === 'payment_failed' && e.note === 'Payment failed: Your card was declined.',
      ),
    ).toBe(true);
    // Paying afterwards still works and a late failure never undoes it.
    await payOnHostedPage(started.checkoutUrl);
    expect((await state(started.orderId)).order.status).toBe('paid');
  });

  it('a refund through the gateway marks the invoice and order refunded', async () => {
    const started = await checkout();
    await payOnHostedPage(started.checkoutUrl);
    const paid = await state(started.orderId);
    await gateway.refund({
      paymentIntentId: paid.payments[0]!.processorPaymentIntentId,
      idempotencyKey: `refund:${paid.invoice.id}`,
    });
    await settle();
    const s = await state(started.orderId);
    expect(s.invoice).toMatchObject({ status: 'refunded', amountRefundedCents: 35000 });
    expect(s.order.status).toBe('refunded');
    expect(s.payments[0]).toMatchObject({ status: 'refunded', amountRefundedCents: 35000 });
  });

  it('a refund event without metadata is routed by its PaymentIntent', async () => {
    const started = await checkout();
    await payOnHostedPage(started.checkoutUrl);
    const paid = await state(started.orderId);
    const pi = paid.payments[0]!.processorPaymentIntentId;
    const body = eventBody('nometa', 'charge.refunded', {
      id: 'ch_nometa',
      object: 'charge',
      payment_intent: pi,
      amount_refunded: 10000,
      metadata: {},
    });
    const res = await post(body, signPayload(body, SECRET));
    expect(await res.json()).toMatchObject({ status: 'stored' });
    await worker.applier.drain();
    const s = await state(started.orderId);
    expect(s.invoice).toMatchObject({ status: 'paid', amountRefundedCents: 10000 }); // partial
    expect(s.order.status).toBe('paid');
  });

  it('invoice.payment_failed queues exactly one dunning email per invoice without the raw payload', async () => {
    const started = await checkout();
    const s0 = await state(started.orderId);
    for (let i = 0; i < 3; i++) {
      sandbox.emit('invoice.payment_failed', {
        id: `in_test_${i}`,
        object: 'invoice',
        amount_due: 35000,
        customer_email: 'secret-processor-field@x.test',
        metadata: { orgId, invoiceId: s0.invoice.id },
      });
    }
    await settle();
    const dunning = await withOrg(testDb.db, orgId, (tx) =>
      tx.outboxEvent.findMany({
        where: { dedupeKey: `invoice:${s0.invoice.id}:dunning:payment_failed` },
      }),
    );
    expect(dunning).toHaveLength(1);
    expect(dunning[0]!.body).toContain('$350.00');
    expect(dunning[0]!.body).toContain('/checkout/resume/');
    expect(dunning[0]!.body).not.toContain('secret-processor-field');
  });

  it('replay re-applies a stored event through the same code, deterministically', async () => {
    const started = await checkout();
    await payOnHostedPage(started.checkoutUrl);
    const before = await state(started.orderId);
    const event = before.events.find((e) => e.type === 'checkout.session.completed')!;
    const outcome = await withOrg(testDb.db, orgId, (tx) =>
      replayProcessorEvent({
        ctx: { tx, orgId, actor: null, requestId: null },
        db: testDb.db,
        id: event.id,
      }),
    );
    expect(outcome).toEqual({ status: 'processed', eventId: event.eventId });
    const after = await state(started.orderId);
    expect(after.payments).toHaveLength(1);
    expect(after.outbox).toHaveLength(1);
    expect(after.invoice.amountPaidCents).toBe(before.invoice.amountPaidCents);
  });
});

let seq = 0;
/** A signed delivery of an event with an explicit `created`, as the processor would send it. */
async function deliver(type: string, object: Record<string, unknown>, created: number) {
  const body = JSON.stringify({
    id: `evt_repro_${Date.now()}_${++seq}`,
    object: 'event',
    type,
    created,
    data: { object },
  });
  const res = await post(body, signPayload(body, SECRET));
  expect(res.status).toBe(200);
  return ((await res.json()) as { eventId: string }).eventId;
}

describe('events converge in any order (the chaos run reproductions)', () => {
  const t0 = Math.floor(Date.now() / 1000);
  const paidIntent = (id: string, invoiceId: string | null) => ({
    id,
    object: 'payment_intent',
    amount: 35000,
    amount_received: 35000,
    status: 'succeeded',
    metadata: invoiceId ? { orgId, invoiceId } : {},
  });
  const refundedCharge = (pi: string, amount: number, metadata: Record<string, string>) => ({
    id: `ch_${pi}`,
    object: 'charge',
    payment_intent: pi,
    amount: 35000,
    amount_refunded: amount,
    metadata,
  });

  it('a refund that arrives before its payment waits, then applies: invoice and order refunded', async () => {
    const started = await checkout();
    const { invoice } = await state(started.orderId);
    const pi = `pi_early_refund_${Date.now()}`;
    const refundId = await deliver(
      'charge.refunded',
      refundedCharge(pi, 35000, { orgId, invoiceId: invoice.id }),
      t0 + 2,
    );
    await worker.applier.drain();
    expect(await ledgerRow(refundId)).toMatchObject({ status: 'waiting', waitingFor: pi });

    await deliver('payment_intent.succeeded', paidIntent(pi, invoice.id), t0 + 1);
    await worker.applier.drain();
    const s = await state(started.orderId);
    expect(s.payments).toHaveLength(1);
    expect(s.payments[0]).toMatchObject({ status: 'refunded', amountRefundedCents: 35000 });
    expect(s.invoice).toMatchObject({ status: 'refunded', amountPaidCents: 35000 });
    expect(s.order.status).toBe('refunded');
    expect(s.outbox.map((m) => m.topic)).toEqual(['order.confirmation']);
    expect(await ledgerRow(refundId)).toMatchObject({ status: 'processed', invoiceId: invoice.id });
  });

  it('a refund without metadata for a PaymentIntent Souk has not seen is kept unrouted, then routed and applied', async () => {
    const started = await checkout();
    const { invoice, sessions } = await state(started.orderId);
    const pi = `pi_unrouted_${Date.now()}`;
    const refundId = await deliver('charge.refunded', refundedCharge(pi, 5000, {}), t0 + 3);
    await worker.applier.drain();
    // Stored under no org (only the platform sees it), never answered and forgotten.
    const unrouted = await testDb.ownerDb.processorEvent.findFirstOrThrow({
      where: { eventId: refundId },
    });
    expect(unrouted).toMatchObject({ status: 'unrouted', orgId: null, objectId: pi });

    await deliver(
      'checkout.session.completed',
      {
        id: sessions[0]!.processorSessionId,
        object: 'checkout.session',
        payment_status: 'paid',
        payment_intent: pi,
        amount_total: 35000,
        metadata: { orgId, invoiceId: invoice.id },
      },
      t0 + 1,
    );
    await worker.applier.drain();
    const s = await state(started.orderId);
    expect(s.invoice).toMatchObject({ status: 'paid', amountRefundedCents: 5000 });
    expect(s.payments[0]).toMatchObject({ status: 'succeeded', amountRefundedCents: 5000 });
    expect(await ledgerRow(refundId)).toMatchObject({ status: 'processed', orgId });
  });

  it('a late success never turns a refunded payment back, and a late failure changes nothing', async () => {
    const started = await checkout();
    await payOnHostedPage(started.checkoutUrl);
    const paid = await state(started.orderId);
    const payment = paid.payments[0]!;
    await gateway.refund({
      paymentIntentId: payment.processorPaymentIntentId,
      idempotencyKey: `refund:late:${paid.invoice.id}`,
    });
    await settle();
    expect((await state(started.orderId)).invoice.status).toBe('refunded');

    const pi = payment.processorPaymentIntentId;
    await deliver(
      'checkout.session.completed',
      {
        id: paid.sessions[0]!.processorSessionId,
        object: 'checkout.session',
        payment_status: 'paid',
        payment_intent: pi,
        amount_total: 35000,
        metadata: { orgId, invoiceId: paid.invoice.id },
      },
      t0 - 10,
    );
    await deliver('payment_intent.succeeded', paidIntent(pi, paid.invoice.id), t0 - 10);
    await deliver(
      'payment_intent.payment_failed',
      { ...paidIntent(pi, paid.invoice.id), status: 'requires_payment_method' },
      t0 - 20,
    );
    await worker.applier.drain();
    const s = await state(started.orderId);
    expect(s.payments[0]).toMatchObject({ status: 'refunded', amountRefundedCents: 35000 });
    expect(s.invoice).toMatchObject({ status: 'refunded', amountPaidCents: 35000 });
    expect(s.order.status).toBe('refunded');
    expect(s.outbox).toHaveLength(1); // one confirmation, never a second
  });

  it('a late failure never turns a canceled payment into failed', async () => {
    const started = await checkout();
    const { invoice } = await state(started.orderId);
    const pi = `pi_canceled_${Date.now()}`;
    const intent = { ...paidIntent(pi, invoice.id), amount_received: 0 };
    await deliver('payment_intent.canceled', { ...intent, status: 'canceled' }, t0 + 5);
    await worker.applier.drain();
    await deliver(
      'payment_intent.payment_failed',
      { ...intent, status: 'requires_payment_method' },
      t0 + 1,
    );
    await worker.applier.drain();
    const s = await state(started.orderId);
    expect(s.payments.map((p) => p.status)).toEqual(['canceled']);
    expect(s.invoice.status).toBe('open');
  });
});

describe('per-org webhook secrets', () => {
  it("an event signed with the org's own secret is accepted, a wrong one refused", async () => {
    const { setPaymentCredentials } = await import('@souk/core');
    const acme = (await testDb.db.organization.findUniqueOrThrow({ where: { slug: 'acme' } })).id;
    await withOrg(testDb.db, acme, (tx) =>
      setPaymentCredentials({
        ctx: { tx, orgId: acme, actor: null, requestId: null },
        input: { secretKey: 'sk_test_acmeonly1234', webhookSecret: 'whsec_acmeonly5678' },
      }),
    );
    const body = eventBody('acme', 'checkout.session.expired', {
      id: 'cs_test_acme_unknown',
      metadata: { orgId: acme },
    });
    expect((await post(body, signPayload(body, 'whsec_other_org'))).status).toBe(400);
    const ok = await post(body, signPayload(body, 'whsec_acmeonly5678'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'stored' }); // verified: stored under acme
    const stored = await withOrg(testDb.db, acme, (tx) =>
      tx.processorEvent.count({ where: { eventId: { startsWith: 'evt_acme_' } } }),
    );
    expect(stored).toBe(1);
    // The demo org cannot see acme's ledger.
    expect(
      await withOrg(testDb.db, orgId, (tx) =>
        tx.processorEvent.count({ where: { eventId: { startsWith: 'evt_acme_' } } }),
      ),
    ).toBe(0);
  });
});

describe('fulfillment TaskProcessor', () => {
  it("processes a paid order's tasks and reports its health", async () => {
    const started = await checkout();
    await payOnHostedPage(started.checkoutUrl);
    // Delivery is prepared once the order is past the operators' stages (spec 003).
    await withOrg(testDb.db, orgId, (tx) =>
      tx.checkoutOrchestration.update({
        where: { orderId: started.orderId },
        data: { stage: 'fulfillment_readiness' },
      }),
    );
    const processor = await startWorker({
      ownerUrl: testDb.ownerUrl,
      appUrl: testDb.appUrl,
      port: 0,
      logLevel: 'silent',
      // The schedule would run it in an hour: fired by hand below, as the schedule does.
      background: { fulfillment: { enabled: true, intervalMs: 3_600_000, batchSize: 25 } },
    });
    try {
      const before = await (
        await fetch(`http://127.0.0.1:${processor.port}/fulfillment/health`)
      ).json();
      expect(before).toMatchObject({
        running: true,
        pollIntervalSeconds: 3600,
        batchSize: 25,
        lastRunFinishedAt: null,
      });
      const run = await runJobNow({
        boss: processor.boss!,
        db: testDb.db,
        queue: FULFILLMENT_QUEUE,
        orgId,
      });
      expect(run).toMatchObject({ outcome: 'ok', attempt: 1, consecutiveFailures: 0 });
      const health = (await (
        await fetch(`http://127.0.0.1:${processor.port}/fulfillment/health`)
      ).json()) as { lastRunFinishedAt: string | null; lastError: string | null };
      expect(health.lastRunFinishedAt).not.toBeNull();
      expect(health.lastError).toBeNull();
      const counters = (await (
        await fetch(`http://127.0.0.1:${processor.port}/fulfillment/metrics`)
      ).json()) as { tasksProcessed: number; tasksFailed: number };
      expect(counters.tasksProcessed).toBeGreaterThanOrEqual(2);
      // Tasks of the refunded order from an earlier test fail for good, not in a loop.
      const refunded = await withOrg(testDb.db, orgId, (tx) =>
        tx.fulfillmentTask.findMany({ where: { order: { status: 'refunded' } } }),
      );
      expect(counters.tasksFailed).toBe(refunded.length);
      expect(
        refunded.every((t) => t.status === 'failed' && t.lastError?.includes('refunded')),
      ).toBe(true);
      const prom = await (await fetch(`http://127.0.0.1:${processor.port}/metrics`)).text();
      expect(prom).toMatch(/souk_fulfillment_tasks_processed_total [1-9]/);
    } finally {
      await processor.stop();
    }
    const s = await state(started.orderId);
    expect(s.tasks.map((t) => t.status)).toEqual(['completed', 'completed']);
    const events = await withOrg(testDb.db, orgId, (tx) =>
      tx.checkoutOrchestrationEvent.findMany({
        where: { orchestrationId: s.orchestration.id, kind: 'fulfillment' },
      }),
    );
    expect(events.map((e) => e.note)).toContain('All 2 fulfillment tasks done');
  });
});

describe('outbox delivery', () => {
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: { to: string; subject: string; messageId: string; raw: string }[] = [];
  let slack: Server;
  let slackCalls = 0;
  let slackPort: number;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '',
            messageId: /^Message-ID: (.*)$/im.exec(raw)?.[1] ?? '',
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    slack = createServer((req, res) => {
      slackCalls += 1;
      res.writeHead(slackCalls <= 2 ? 500 : 200).end();
    });
    await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
    slackPort = (slack.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await new Promise<void>((resolve) => slack.close(() => resolve()));
  });

  it('a message committed while delivery is stopped is delivered exactly once after restart', async () => {
    const started = await checkout();
    await payOnHostedPage(started.checkoutUrl); // commits the order + its confirmation row
    const pending = (await state(started.orderId)).outbox[0]!;
    expect(pending.status).toBe('pending');

    const transports: Transports = createTransports(
      { smtpUrl: `smtp://127.0.0.1:${smtpPort}` },
      { renderEmail },
    );
    // Two replicas fire delivery at once, then once more: one email all the same.
    const replicas = await Promise.all(
      [1, 2].map(() =>
        startWorker({
          ownerUrl: testDb.ownerUrl,
          appUrl: testDb.appUrl,
          port: 0,
          logLevel: 'silent',
          background: { outbox: { enabled: true, intervalMs: 3_600_000, transports } },
        }),
      ),
    );
    try {
      const deliver = (replica: RunningWorker) =>
        runJobNow({ boss: replica.boss!, db: testDb.db, queue: OUTBOX_DELIVERY_QUEUE, orgId });
      await Promise.all(replicas.map(deliver));
      await deliver(replicas[0]!);
    } finally {
      await Promise.all(replicas.map((replica) => replica.stop()));
    }
    const mine = received.filter((m) => m.messageId.includes(pending.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ to: 'customer@souk.test' });
    expect(mine[0]!.subject).toMatch(/^Order #\d+ confirmed$/);
    // The react-email template goes out as HTML beside the stored text.
    expect(mine[0]!.raw).toMatch(/multipart\/alternative/i);
    expect(mine[0]!.raw).toMatch(/Content-Type: text\/html/i);
    expect(mine[0]!.raw).toMatch(/Content-Type: text\/plain/i);
    const row = await withOrg(testDb.db, orgId, (tx) =>
      tx.outboxEvent.findUniqueOrThrow({ where: { id: pending.id } }),
    );
    expect(row).toMatchObject({ status: 'delivered', deliveredVia: 'smtp', attempts: 1 });
  });

  it("delivers email through SendGrid's HTTP API and signed outgoing webhooks", async () => {
    const calls: {
      path: string;
      headers: Record<string, string | string[] | undefined>;
      body: string;
    }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        calls.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    try {
      const key = `multi-${Date.now()}`;
      await withOrg(testDb.db, orgId, async (tx) => {
        await tx.outboxEvent.create({
          data: {
            orgId,
            dedupeKey: `${key}-mail`,
            channel: 'email',
            topic: 'test.mail',
            recipient: 'someone@souk.test',
            subject: 'Hi',
            body: 'mail body',
          },
        });
        await tx.outboxEvent.create({
          data: {
            orgId,
            dedupeKey: `${key}-hook`,
            channel: 'webhook',
            topic: 'test.hook',
            body: 'hook body',
          },
        });
      });
      const { deliverOutbox } = await import('@souk/core');
      const transports = createTransports({
        sendgridApiKey: 'SG.test-key',
        sendgridApiUrl: `http://127.0.0.1:${port}/v3/mail/send`,
        webhookUrl: `http://127.0.0.1:${port}/hooks/souk`,
        webhookSecret: 'outgoing-secret',
      });
      // Older pending rows from other tests are delivered too; only ours are checked.
      await deliverOutbox({ db: testDb.db, orgId, transports, limit: 500 });
      const mail = calls.find((c) => c.path === '/v3/mail/send' && c.body.includes('mail body'))!;
      expect(mail.headers.authorization).toBe('Bearer SG.test-key');
      expect(JSON.parse(mail.body)).toMatchObject({
        personalizations: [{ to: [{ email: 'someone@souk.test' }] }],
        subject: 'Hi',
      });
      const hook = calls.find((c) => c.path === '/hooks/souk' && c.body.includes('hook body'))!;
      expect(String(hook.headers['x-souk-signature'])).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      const rows = await withOrg(testDb.db, orgId, (tx) =>
        tx.outboxEvent.findMany({
          where: { dedupeKey: { startsWith: key } },
          orderBy: { dedupeKey: 'asc' },
        }),
      );
      expect(rows.map((r) => [r.status, r.deliveredVia])).toEqual([
        ['delivered', 'webhook'],
        ['delivered', 'sendgrid'],
      ]);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('retries with backoff, then dead after the last attempt; replay brings it back', async () => {
    await withOrg(testDb.db, orgId, (tx) =>
      tx.outboxEvent.create({
        data: {
          orgId,
          dedupeKey: `slack-test-${Date.now()}`,
          channel: 'slack',
          topic: 'test.alert',
          body: 'hello ops',
        },
      }),
    );
    const { deliverOutbox } = await import('@souk/core');
    const transports = createTransports({ slackWebhookUrl: `http://127.0.0.1:${slackPort}/hook` });
    let clock = Date.now();
    const now = () => new Date(clock);
    const first = await deliverOutbox({
      db: testDb.db,
      orgId,
      transports,
      retry: { ...outboxRetryPolicy(), maxAttempts: 2, baseBackoffSeconds: 10 },
      now,
    });
    expect(first).toEqual({ delivered: 0, retried: 1, dead: 0 });
    const notYet = await deliverOutbox({
      db: testDb.db,
      orgId,
      transports,
      retry: { ...outboxRetryPolicy(), maxAttempts: 2, baseBackoffSeconds: 10 },
      now,
    });
    expect(notYet).toEqual({ delivered: 0, retried: 0, dead: 0 }); // backoff not over
    clock += 11_000;
    const second = await deliverOutbox({
      db: testDb.db,
      orgId,
      transports,
      retry: { ...outboxRetryPolicy(), maxAttempts: 2, baseBackoffSeconds: 10 },
      now,
    });
    expect(second).toEqual({ delivered: 0, retried: 0, dead: 1 });
    const dead = await withOrg(testDb.db, orgId, (tx) =>
      tx.outboxEvent.findFirstOrThrow({ where: { topic: 'test.alert' } }),
    );
    expect(dead).toMatchObject({ status: 'dead', attempts: 2 });
    expect(dead.lastError).toContain('answered 500');

    const { replayOutboxEvent } = await import('@souk/core');
    await withOrg(testDb.db, orgId, (tx) =>
      replayOutboxEvent({ ctx: { tx, orgId, actor: null, requestId: null }, id: dead.id }),
    );
    const third = await deliverOutbox({ db: testDb.db, orgId, transports, now: () => new Date() });
    expect(third.delivered).toBe(1);
    expect(slackCalls).toBe(3);
  });
});
