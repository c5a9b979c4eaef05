// Payment events converge: any permutation of a processor's deliveries, with
// duplicates, through the real webhook route and applier on a real database, ends
// in the same orders, invoices, payments, bookings, ledger entries, payouts and
// outbox emails as applying each history once, in processor order.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOrg } from '@souk/db';
import { testDatabaseForFile } from '@souk/db/testing';
import { createStripeGateway, type PaymentGateway } from '@souk/payments';
import { signPayload, startStripeSandbox, type StripeSandbox } from '@souk/stripe-sandbox';
import type { RunningWorker } from './server';
import { startTestCheckout } from './test-checkout';
import { demoCustomer, startTestWorker } from './test-worker';

const SECRET = 'whsec_convergence_test';
const testDb = testDatabaseForFile({ seed: true });
let sandbox: StripeSandbox;
let gateway: PaymentGateway;
let worker: RunningWorker;
let orgId: string;
let customer: { id: string; email: string };
let vendors: { venue: string; photo: string };

beforeAll(async () => {
  ({ orgId, customer } = await demoCustomer(testDb.db));
  const rows = await withOrg(testDb.ownerDb, orgId, (tx) =>
    tx.vendor.findMany({ where: { status: 'approved' } }),
  );
  vendors = {
    venue: rows.find((v) => v.type === 'venue_owner')!.id,
    photo: rows.find((v) => v.type === 'service_provider')!.id,
  };
  worker = await startTestWorker(testDb, SECRET);
  // Only for creating hosted sessions: the events are written by the test.
  sandbox = await startStripeSandbox({ port: 0, webhookEndpoints: [] });
  gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
});
afterAll(async () => {
  await sandbox?.stop();
  await worker?.stop();
});

const tenant = <T>(fn: Parameters<typeof withOrg<T>>[2]) => withOrg(testDb.ownerDb, orgId, fn);

// ------------------------------------------------------------------ targets

interface InvoiceTarget {
  kind: 'invoice';
  orderId: string;
  invoiceId: string;
  sessionId: string;
  totalCents: number;
}
interface BookingTarget {
  kind: 'booking';
  bookingId: string;
  paymentIntentId: string;
  amountCents: number;
}
type Target = InvoiceTarget | BookingTarget;

async function invoiceTarget(): Promise<InvoiceTarget> {
  const started = await startTestCheckout({ db: testDb.ownerDb, orgId, customer, gateway });
  const invoice = await tenant((tx) =>
    tx.invoice.findUniqueOrThrow({
      where: { orderId: started.orderId },
      include: { sessions: true },
    }),
  );
  return {
    kind: 'invoice',
    orderId: started.orderId,
    invoiceId: invoice.id,
    sessionId: invoice.sessions[0]!.processorSessionId,
    totalCents: invoice.totalCents,
  };
}

let bookingSeq = 0;
/** A booking ready for payment with an open PaymentIntent, as payBooking leaves it. */
async function bookingTarget(amountCents: number): Promise<BookingTarget> {
  const paymentIntentId = `pi_conv_booking_${Date.now()}_${++bookingSeq}`;
  const venueCents = Math.round(amountCents * 0.7);
  return tenant(async (tx) => {
    const booking = await tx.booking.create({
      data: {
        orgId,
        organizerId: customer.id,
        status: 'ready_for_payment',
        currency: 'USD',
        totalCents: amountCents,
        vendors: {
          create: [
            {
              orgId,
              vendorId: vendors.venue,
              role: 'venue',
              status: 'approved',
              agreedAmountCents: venueCents,
            },
            {
              orgId,
              vendorId: vendors.photo,
              role: 'service',
              status: 'approved',
              agreedAmountCents: amountCents - venueCents,
            },
          ],
        },
      },
    });
    await tx.bookingPayment.create({
      data: {
        orgId,
        bookingId: booking.id,
        kind: 'full',
        amountCents,
        currency: 'USD',
        processorPaymentIntentId: paymentIntentId,
        clientSecret: `${paymentIntentId}_secret`,
        idempotencyKey: `conv:${paymentIntentId}`,
        openBookingId: booking.id,
        commissionBps: 1000,
        reservationBps: 5000,
        createdById: customer.id,
      },
    });
    await tx.processorObject.create({
      data: { id: paymentIntentId, orgId, kind: 'payment_intent', bookingId: booking.id },
    });
    return { kind: 'booking' as const, bookingId: booking.id, paymentIntentId, amountCents };
  });
}

// ---------------------------------------------------------------- histories

/** What happens to one target at the processor, in processor order. */
interface Plan {
  target: 'invoice' | 'booking';
  outcome: 'paid' | 'failed' | 'canceled';
  failFirst: boolean;
  /** Cumulative refunded amounts, as fractions of the amount (increasing). */
  refunds: number[];
  refundMetadata: boolean;
  bookingCents: number;
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  target: fc.constantFrom('invoice' as const, 'booking' as const),
  outcome: fc.constantFrom(
    'paid' as const,
    'paid' as const,
    'failed' as const,
    'canceled' as const,
  ),
  failFirst: fc.boolean(),
  refunds: fc
    .uniqueArray(fc.constantFrom(0.25, 0.5, 1), { maxLength: 2 })
    .map((r) => [...r].sort((a, b) => a - b)),
  refundMetadata: fc.boolean(),
  bookingCents: fc.integer({ min: 1_000, max: 500_000 }),
});

interface Step {
  type: string;
  object: Record<string, unknown>;
}

let piSeq = 0;
function history(plan: Plan, target: Target): Step[] {
  const pi =
    target.kind === 'booking' ? target.paymentIntentId : `pi_conv_${Date.now()}_${++piSeq}`;
  const amount = target.kind === 'booking' ? target.amountCents : target.totalCents;
  const metadata =
    target.kind === 'booking'
      ? { orgId, bookingId: target.bookingId }
      : { orgId, invoiceId: target.invoiceId, orderId: target.orderId };
  const intent = (status: string, extra: Record<string, unknown> = {}) => ({
    id: pi,
    object: 'payment_intent',
    amount,
    amount_received: status === 'succeeded' ? amount : 0,
    status,
    metadata,
    ...extra,
  });
  const failed = {
    type: 'payment_intent.payment_failed',
    object: intent('requires_payment_method', {
      last_payment_error: { message: 'Your card was declined.' },
    }),
  };
  const steps: Step[] = [];
  if (plan.outcome !== 'paid' || plan.failFirst) steps.push(failed);
  if (plan.outcome === 'failed' && target.kind === 'invoice') {
    steps.push({
      type: 'invoice.payment_failed',
      object: { id: `in_${pi}`, object: 'invoice', amount_due: amount, metadata },
    });
  }
  if (plan.outcome === 'canceled') {
    steps.push({ type: 'payment_intent.canceled', object: intent('canceled') });
  }
  if (plan.outcome !== 'paid') {
    if (target.kind === 'invoice') {
      steps.push({
        type: 'checkout.session.expired',
        object: { id: target.sessionId, object: 'checkout.session', status: 'expired', metadata },
      });
    }
    return steps;
  }
  steps.push({ type: 'payment_intent.succeeded', object: intent('succeeded') });
  if (target.kind === 'invoice') {
    steps.push({
      type: 'checkout.session.completed',
      object: {
        id: target.sessionId,
        object: 'checkout.session',
        status: 'complete',
        payment_status: 'paid',
        payment_intent: pi,
        amount_total: amount,
        metadata,
      },
    });
  }
  for (const fraction of plan.refunds) {
    steps.push({
      type: 'charge.refunded',
      object: {
        id: `ch_${pi}`,
        object: 'charge',
        payment_intent: pi,
        amount,
        amount_refunded: Math.floor(amount * fraction),
        // Charges often come without the PaymentIntent's metadata: routed by the object index.
        metadata: plan.refundMetadata ? metadata : {},
      },
    });
  }
  return steps;
}

let eventSeq = 0;
interface Delivery {
  body: string;
}
/** Signed bodies in processor order: `created` grows one second per step. */
function events(steps: Step[], base: number): Delivery[] {
  return steps.map((step, i) => ({
    body: JSON.stringify({
      id: `evt_conv_${String(++eventSeq).padStart(8, '0')}`,
      object: 'event',
      type: step.type,
      created: base + i,
      data: { object: step.object },
    }),
  }));
}

async function deliver({ body }: Delivery) {
  const res = await fetch(`http://127.0.0.1:${worker.port}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signPayload(body, SECRET) },
    body,
  });
  expect(res.status).toBe(200);
}

// --------------------------------------------------------------- snapshots

// Order numbers and resume links differ between the two copies of a target by construction.
const numbersOut = (text: string | null) =>
  (text ?? '').replace(/#\d+/g, '#N').replace(/\/checkout\/resume\/\S+/g, '/checkout/resume/T');

/** What a user would notice about a target, without ids that differ between copies. */
async function snapshot(target: Target) {
  return tenant(async (tx) => {
    if (target.kind === 'invoice') {
      const order = await tx.order.findUniqueOrThrow({ where: { id: target.orderId } });
      const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: target.invoiceId } });
      const payments = await tx.payment.findMany({ where: { invoiceId: target.invoiceId } });
      const outbox = await tx.outboxEvent.findMany({
        where: {
          OR: [
            { dedupeKey: { contains: target.orderId } },
            { dedupeKey: { contains: target.invoiceId } },
          ],
        },
      });
      return {
        order: { status: order.status, paid: order.paidAt !== null },
        invoice: {
          status: invoice.status,
          amountPaidCents: invoice.amountPaidCents,
          amountRefundedCents: invoice.amountRefundedCents,
        },
        payments: payments
          .map((p) => `${p.status}:${p.amountCents}:${p.amountRefundedCents}`)
          .sort(),
        outbox: outbox
          .map((m) => `${m.topic}|${m.recipient}|${numbersOut(m.subject)}|${numbersOut(m.body)}`)
          .sort(),
      };
    }
    const booking = await tx.booking.findUniqueOrThrow({ where: { id: target.bookingId } });
    const payments = await tx.bookingPayment.findMany({ where: { bookingId: target.bookingId } });
    const ledger = await tx.ledgerEntry.findMany({ where: { bookingId: target.bookingId } });
    const allocations = await tx.payoutAllocation.findMany({
      where: { bookingId: target.bookingId },
    });
    const payouts = await tx.payout.findMany({ where: { bookingId: target.bookingId } });
    const outbox = await tx.outboxEvent.findMany({
      where: { dedupeKey: { in: payments.map((p) => `booking-payment:${p.id}:succeeded`) } },
    });
    return {
      booking: {
        status: booking.status,
        amountPaidCents: booking.amountPaidCents,
        amountRefundedCents: booking.amountRefundedCents,
      },
      payments: payments.map(
        (p) =>
          `${p.kind}:${p.status}:${p.amountCents}:${p.amountRefundedCents}:${p.openBookingId !== null}`,
      ),
      ledger: ledger.map((l) => `${l.type}:${l.amountCents}`).sort(),
      allocations: allocations
        .map((a) => `${a.grossCents}:${a.commissionCents}:${a.netCents}`)
        .sort(),
      payouts: payouts.map((p) => `${p.milestone}:${p.status}:${p.amountCents}`).sort(),
      outbox: outbox
        .map((m) => `${m.topic}|${m.recipient}|${numbersOut(m.subject)}|${numbersOut(m.body)}`)
        .sort(),
    };
  });
}

async function ledgerStatuses(eventIds: string[]) {
  const rows = await testDb.ownerDb.processorEvent.findMany({
    where: { eventId: { in: eventIds } },
    select: { status: true },
  });
  return rows.map((r) => r.status).sort();
}

const idsOf = (deliveries: Delivery[]) =>
  deliveries.map((d) => (JSON.parse(d.body) as { id: string }).id);

// ------------------------------------------------------------------- tests

describe('payment events converge in any order', () => {
  it('random permutations with duplicates reach the serial truth', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(planArb, { minLength: 1, maxLength: 3 }),
        // Uniformly shuffled, or newest first (every event late): the worst order there is.
        fc.constantFrom('shuffled' as const, 'shuffled' as const, 'reversed' as const),
        // How often the applier runs between deliveries (1: after every one).
        fc.constantFrom(0.2, 0.5, 1),
        fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        async (plans, order, drainRate, randoms) => {
          const rnd = () => randoms.next().value as number;
          const base = Math.floor(Date.now() / 1000) - 3600;
          const serial: Delivery[][] = [];
          const shuffled: Delivery[] = [];
          const pairs: [Target, Target][] = [];
          for (const [i, plan] of plans.entries()) {
            const make = () =>
              plan.target === 'invoice' ? invoiceTarget() : bookingTarget(plan.bookingCents);
            const [a, b] = [await make(), await make()];
            pairs.push([a, b]);
            serial.push(events(history(plan, a), base + i * 100));
            for (const delivery of events(history(plan, b), base + i * 100)) {
              shuffled.push(delivery);
              if (rnd() < 0.3) shuffled.push(delivery); // a duplicate delivery
            }
          }
          // The serial truth: each history once, in processor order, applied as it arrives.
          for (const history of serial) {
            for (const delivery of history) {
              await deliver(delivery);
              await worker.applier.drain();
            }
          }
          // The chaos: any order, duplicates, the applier running at random moments.
          if (order === 'reversed') shuffled.reverse();
          for (let i = shuffled.length - 1; i > 0 && order === 'shuffled'; i--) {
            const j = Math.floor(rnd() * (i + 1));
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          for (const delivery of shuffled) {
            await deliver(delivery);
            if (rnd() < drainRate) await worker.applier.drain();
          }
          await worker.applier.drain();

          for (const [a, b] of pairs) {
            const [truth, chaos] = [await snapshot(a), await snapshot(b)];
            // fast-check shortens assertion messages: name the difference in full.
            expect(JSON.stringify(chaos, null, 1)).toBe(JSON.stringify(truth, null, 1));
          }
          const truthIds = serial.flatMap(idsOf);
          const chaosIds = [...new Set(idsOf(shuffled))];
          expect(chaosIds).toHaveLength(truthIds.length);
          expect(await ledgerStatuses(chaosIds)).toEqual(await ledgerStatuses(truthIds));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a booking refund applied before its payment waits and ends with the right refund total', async () => {
    const target = await bookingTarget(100_000);
    const [success, refund] = events(
      history(
        {
          target: 'booking',
          outcome: 'paid',
          failFirst: false,
          refunds: [0.5],
          refundMetadata: false,
          bookingCents: 100_000,
        },
        target,
      ),
      Math.floor(Date.now() / 1000),
    );
    await deliver(refund!);
    await worker.applier.drain();
    const waiting = await tenant((tx) =>
      tx.processorEvent.findFirstOrThrow({ where: { eventId: idsOf([refund!])[0] } }),
    );
    expect(waiting).toMatchObject({ status: 'waiting', waitingFor: target.paymentIntentId });
    await deliver(success!);
    await worker.applier.drain();
    const after = await snapshot(target);
    expect(after).toMatchObject({
      booking: { status: 'paid', amountPaidCents: 100_000, amountRefundedCents: 50_000 },
      ledger: ['held_funds:100000', 'refund:50000'],
    });
  });
});
