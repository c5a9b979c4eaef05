// The worker as a real child process, killed with SIGKILL while events stream in
// and are being applied, then started again: deliveries that were not answered 2xx
// are sent again (as the processor does), and at the end nothing is lost, nothing is
// applied twice and nothing is left `received`.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOrg } from '@souk/db';
import { seedDatabase } from '@souk/db/seed';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { createStripeGateway } from '@souk/payments';
import { signPayload, startStripeSandbox, type StripeSandbox } from '@souk/stripe-sandbox';
import { startTestCheckout } from './test-checkout';

const SECRET = 'whsec_crash_test';
const CHECKOUTS = 40;
const here = path.dirname(fileURLToPath(import.meta.url));
let testDb: TestDatabase;
let sandbox: StripeSandbox;
let orgId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDatabase(testDb.db);
  orgId = (await testDb.db.organization.findUniqueOrThrow({ where: { slug: 'demo' } })).id;
  sandbox = await startStripeSandbox({ port: 0, webhookEndpoints: [] });
});
afterAll(async () => {
  await sandbox?.stop();
  await testDb?.drop();
});

interface Child {
  process: ChildProcess;
  port: number;
}

/** `node --import tsx src/main.ts`, as deployed but from source; resolves once it listens. */
function startChild(): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'main.ts')], {
    cwd: path.join(here, '..'),
    env: {
      ...process.env,
      DATABASE_URL: testDb.ownerUrl,
      DATABASE_APP_URL: testDb.appUrl,
      WORKER_PORT: '0',
      JOBS_ENABLED: 'false',
      OUTBOX_DELIVERY_ENABLED: 'false',
      STRIPE_WEBHOOK_SECRET: SECRET,
      PAYMENT_EVENT_APPLIER_INTERVAL_MS: '50',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const port = /"port":(\d+)[^\n]*worker listening/.exec(out)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ process: child, port: Number(port) });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`worker exited early (${code ?? signal}):\n${out}`));
    });
  });
}

function killHard(child: Child): Promise<void> {
  return new Promise((resolve) => {
    if (child.process.exitCode !== null || child.process.signalCode !== null) return resolve();
    child.process.once('exit', () => resolve());
    child.process.kill('SIGKILL');
  });
}

describe('worker killed with SIGKILL mid-stream', () => {
  it('loses nothing and applies nothing twice', async () => {
    const gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
    const customer = await testDb.db.user.findUniqueOrThrow({
      where: { email: 'customer@souk.test' },
    });
    const targets: { orderId: string; invoiceId: string; sessionId: string }[] = [];
    for (let i = 0; i < CHECKOUTS; i++) {
      const started = await startTestCheckout({ db: testDb.db, orgId, customer, gateway });
      const invoice = await withOrg(testDb.db, orgId, (tx) =>
        tx.invoice.findUniqueOrThrow({
          where: { orderId: started.orderId },
          include: { sessions: true },
        }),
      );
      targets.push({
        orderId: started.orderId,
        invoiceId: invoice.id,
        sessionId: invoice.sessions[0]!.processorSessionId,
      });
    }
    const now = Math.floor(Date.now() / 1000);
    const bodies = targets.flatMap((t, i) => {
      const pi = `pi_crash_${now}_${i}`;
      const metadata = { orgId, invoiceId: t.invoiceId, orderId: t.orderId };
      const event = (n: number, type: string, object: Record<string, unknown>) =>
        JSON.stringify({
          id: `evt_crash_${now}_${i}_${n}`,
          object: 'event',
          type,
          created: now + n,
          data: { object },
        });
      return [
        event(0, 'payment_intent.succeeded', {
          id: pi,
          object: 'payment_intent',
          amount: 35000,
          amount_received: 35000,
          metadata,
        }),
        event(1, 'checkout.session.completed', {
          id: t.sessionId,
          object: 'checkout.session',
          payment_status: 'paid',
          payment_intent: pi,
          amount_total: 35000,
          metadata,
        }),
        event(2, 'charge.refunded', {
          id: `ch_${pi}`,
          object: 'charge',
          payment_intent: pi,
          amount: 35000,
          amount_refunded: 10000,
          metadata: {},
        }),
      ];
    });
    // Every third delivery is sent twice, and the whole stream goes out of order.
    const stream = bodies.flatMap((b, i) => (i % 3 === 0 ? [b, b] : [b])).reverse();
    const acknowledged = new Set<string>();

    let child = await startChild();
    const send = async (body: string, port: number) => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/webhooks/stripe`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'stripe-signature': signPayload(body, SECRET),
          },
          body,
        });
        if (res.status === 200) acknowledged.add(body);
        else await res.arrayBuffer();
      } catch {
        // connection refused or reset by the kill: not acknowledged, delivered again later
      }
    };
    const killAt = Math.floor(stream.length * 0.4);
    let killed = false;
    let inFlight: Promise<void>[] = [];
    for (const [i, body] of stream.entries()) {
      inFlight.push(send(body, child.port));
      if (inFlight.length >= 8) {
        await Promise.all(inFlight);
        inFlight = [];
      }
      if (i === killAt && !killed) {
        // Mid-stream, with deliveries in flight and the applier busy.
        killed = true;
        await killHard(child);
        await Promise.all(inFlight);
        inFlight = [];
        child = await startChild();
      }
    }
    await Promise.all(inFlight);
    // The processor retries what was not acknowledged.
    for (const body of new Set(stream)) if (!acknowledged.has(body)) await send(body, child.port);
    expect(killed).toBe(true);
    expect(new Set(stream).size).toBe(acknowledged.size);

    try {
      const eventIds = bodies.map((b) => (JSON.parse(b) as { id: string }).id);
      const deadline = Date.now() + 90_000;
      let pending = -1;
      while (Date.now() < deadline) {
        pending = await testDb.ownerDb.processorEvent.count({
          where: { eventId: { in: eventIds }, status: { not: 'processed' } },
        });
        if (pending === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(pending).toBe(0);
      expect(
        await testDb.ownerDb.processorEvent.count({ where: { eventId: { in: eventIds } } }),
      ).toBe(bodies.length);
      const state = await withOrg(testDb.ownerDb, orgId, async (tx) => ({
        invoices: await tx.invoice.findMany({
          where: { id: { in: targets.map((t) => t.invoiceId) } },
        }),
        payments: await tx.payment.findMany({
          where: { invoiceId: { in: targets.map((t) => t.invoiceId) } },
        }),
        confirmations: await tx.outboxEvent.count({
          where: { dedupeKey: { in: targets.map((t) => `order:${t.orderId}:confirmation`) } },
        }),
        tasks: await tx.fulfillmentTask.count({
          where: { orderId: { in: targets.map((t) => t.orderId) } },
        }),
      }));
      expect(
        state.invoices.map((i) => [i.status, i.amountPaidCents, i.amountRefundedCents]),
      ).toEqual(targets.map(() => ['paid', 35000, 10000]));
      expect(state.payments).toHaveLength(CHECKOUTS);
      expect(
        state.payments.every((p) => p.status === 'succeeded' && p.amountRefundedCents === 10000),
      ).toBe(true);
      expect(state.confirmations).toBe(CHECKOUTS);
      expect(state.tasks).toBe(CHECKOUTS * 2);
    } finally {
      await killHard(child);
    }
  });
});
