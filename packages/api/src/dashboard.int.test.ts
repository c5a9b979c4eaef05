// The admin dashboard's figures, checked against sums worked out here from the rows this
// file creates: the range 2025-03-01..2025-03-10 and the 10 days before it.
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  BookingPaymentKind,
  BookingStatus,
  HostedSessionStatus,
  OutboxStatus,
  PayoutMilestone,
  PayoutStatus,
  ProcessorEventStatus,
  RefundStatus,
} from '@souk/db';
import { fieldErrorsOf } from '@souk/core';
import { callerAs, sessionFor } from './test/harness';
import { seededDatabaseForFile } from './test/seeded-database';
import { errorOf } from './test/trpc-errors';

const { testDb, c } = seededDatabaseForFile();

const RANGE = { from: '2025-03-01', to: '2025-03-10' };
const at = (iso: string) => new Date(iso);
const inRange = (d: Date) => d >= at('2025-03-01T00:00:00Z') && d < at('2025-03-11T00:00:00Z');
const inPrevious = (d: Date) => d >= at('2025-02-19T00:00:00Z') && d < at('2025-03-01T00:00:00Z');

type Org = 'demo' | 'acme';
interface SaleRow {
  org: Org;
  paidAt: Date | null;
  cents: number;
  currency: string;
  refunds?: { status: RefundStatus; cents: number; at: Date }[];
}
const SALES: SaleRow[] = [
  { org: 'demo', paidAt: at('2025-03-01T00:00:00Z'), cents: 5000, currency: 'USD' },
  {
    org: 'demo',
    paidAt: at('2025-03-01T23:59:00Z'),
    cents: 2500,
    currency: 'USD',
    refunds: [
      { status: 'succeeded', cents: 500, at: at('2025-03-05T10:00:00Z') },
      { status: 'pending', cents: 300, at: at('2025-03-05T11:00:00Z') },
      { status: 'failed', cents: 200, at: at('2025-03-06T11:00:00Z') },
    ],
  },
  { org: 'demo', paidAt: at('2025-03-05T12:00:00Z'), cents: 1999, currency: 'USD' },
  { org: 'demo', paidAt: at('2025-03-10T23:59:59Z'), cents: 1000, currency: 'USD' },
  { org: 'demo', paidAt: at('2025-03-03T08:00:00Z'), cents: 4200, currency: 'EUR' },
  {
    org: 'demo',
    paidAt: at('2025-03-11T00:00:00Z'),
    cents: 7777,
    currency: 'USD',
    refunds: [{ status: 'succeeded', cents: 777, at: at('2025-03-11T01:00:00Z') }],
  },
  {
    org: 'demo',
    paidAt: at('2025-02-28T23:00:00Z'),
    cents: 3000,
    currency: 'USD',
    refunds: [{ status: 'succeeded', cents: 250, at: at('2025-02-20T00:00:00Z') }],
  },
  { org: 'demo', paidAt: at('2025-02-19T00:00:00Z'), cents: 1234, currency: 'USD' },
  { org: 'demo', paidAt: at('2025-02-18T23:59:59Z'), cents: 999, currency: 'USD' },
  { org: 'demo', paidAt: null, cents: 8888, currency: 'USD' },
  {
    org: 'acme',
    paidAt: at('2025-03-02T00:00:00Z'),
    cents: 100_000,
    currency: 'USD',
    refunds: [{ status: 'succeeded', cents: 1000, at: at('2025-03-02T05:00:00Z') }],
  },
];

interface SessionRow {
  org: Org;
  key: string;
  status: HostedSessionStatus;
  createdAt: Date;
  /** Abandoned, then prompted: with an outbox email when `emailed`. */
  prompted?: { emailed: boolean };
  /** Same invoice as the session with this key (a resume link replaced it). */
  invoiceOf?: string;
  recovered?: boolean;
}
const SESSIONS: SessionRow[] = [
  { org: 'demo', key: 's1', status: 'completed', createdAt: at('2025-03-02T10:00:00Z') },
  { org: 'demo', key: 's2', status: 'open', createdAt: at('2025-03-02T11:00:00Z') },
  { org: 'demo', key: 's3', status: 'abandoned', createdAt: at('2025-03-03T11:00:00Z') },
  {
    org: 'demo',
    key: 's4',
    status: 'completed',
    createdAt: at('2025-03-04T11:00:00Z'),
    prompted: { emailed: true },
    recovered: true,
  },
  // Prompted, but the email was skipped (opted out): not recovered by a prompt.
  {
    org: 'demo',
    key: 's5',
    status: 'completed',
    createdAt: at('2025-03-04T12:00:00Z'),
    prompted: { emailed: false },
  },
  {
    org: 'demo',
    key: 's6',
    status: 'superseded',
    createdAt: at('2025-03-05T11:00:00Z'),
    prompted: { emailed: true },
  },
  {
    org: 'demo',
    key: 's7',
    status: 'completed',
    createdAt: at('2025-03-06T11:00:00Z'),
    invoiceOf: 's6',
    recovered: true,
  },
  { org: 'demo', key: 'p1', status: 'completed', createdAt: at('2025-02-25T11:00:00Z') },
  { org: 'demo', key: 'p2', status: 'expired', createdAt: at('2025-02-26T11:00:00Z') },
  { org: 'demo', key: 'o1', status: 'completed', createdAt: at('2025-03-11T00:00:00Z') },
  { org: 'acme', key: 'a1', status: 'completed', createdAt: at('2025-03-02T11:00:00Z') },
];

interface BookingRow {
  org: Org;
  status: BookingStatus;
  createdAt: Date;
  payments?: {
    kind: BookingPaymentKind;
    status: 'succeeded' | 'failed';
    cents: number;
    succeededAt: Date;
    commissionCents?: number;
    payouts?: { milestone: PayoutMilestone; status: PayoutStatus; approvedAt?: Date }[];
  }[];
}
const BOOKINGS: BookingRow[] = [
  { org: 'demo', status: 'draft', createdAt: at('2025-03-01T09:00:00Z') },
  { org: 'demo', status: 'draft', createdAt: at('2025-03-09T09:00:00Z') },
  {
    org: 'demo',
    status: 'paid',
    createdAt: at('2025-03-02T09:00:00Z'),
    payments: [
      {
        kind: 'deposit',
        status: 'succeeded',
        cents: 30_000,
        succeededAt: at('2025-03-02T10:00:00Z'),
        commissionCents: 3000,
        payouts: [
          { milestone: 'reservation', status: 'eligible' },
          { milestone: 'completion', status: 'held' },
        ],
      },
      {
        kind: 'balance',
        status: 'succeeded',
        cents: 70_000,
        succeededAt: at('2025-03-08T10:00:00Z'),
        commissionCents: 7000,
        payouts: [
          { milestone: 'reservation', status: 'paid', approvedAt: at('2025-03-04T10:00:00Z') },
          { milestone: 'completion', status: 'paid', approvedAt: at('2025-03-12T10:00:00Z') },
        ],
      },
      { kind: 'deposit', status: 'failed', cents: 1111, succeededAt: at('2025-03-03T10:00:00Z') },
    ],
  },
  {
    org: 'demo',
    status: 'cancelled',
    createdAt: at('2025-03-03T09:00:00Z'),
    payments: [
      { kind: 'full', status: 'succeeded', cents: 5000, succeededAt: at('2025-03-03T10:00:00Z') },
      {
        kind: 'deposit',
        status: 'succeeded',
        cents: 2222,
        succeededAt: at('2025-03-11T10:00:00Z'),
      },
    ],
  },
  {
    org: 'demo',
    status: 'completed',
    createdAt: at('2025-02-20T09:00:00Z'),
    payments: [
      {
        kind: 'deposit',
        status: 'succeeded',
        cents: 4000,
        succeededAt: at('2025-02-21T10:00:00Z'),
        commissionCents: 400,
        payouts: [
          { milestone: 'reservation', status: 'paid', approvedAt: at('2025-02-25T10:00:00Z') },
          { milestone: 'completion', status: 'locked' },
        ],
      },
    ],
  },
  { org: 'demo', status: 'draft', createdAt: at('2025-02-28T09:00:00Z') },
  { org: 'demo', status: 'paid', createdAt: at('2025-03-11T09:00:00Z') },
  {
    org: 'acme',
    status: 'paid',
    createdAt: at('2025-03-02T09:00:00Z'),
    payments: [
      {
        kind: 'deposit',
        status: 'succeeded',
        cents: 9000,
        succeededAt: at('2025-03-02T10:00:00Z'),
        commissionCents: 900,
        payouts: [
          { milestone: 'reservation', status: 'eligible' },
          { milestone: 'completion', status: 'held' },
        ],
      },
    ],
  },
];

const OUTBOX: { org: Org; status: OutboxStatus }[] = [
  { org: 'demo', status: 'pending' },
  { org: 'demo', status: 'pending' },
  { org: 'demo', status: 'pending' },
  { org: 'demo', status: 'dead' },
  { org: 'demo', status: 'dead' },
  { org: 'demo', status: 'delivered' },
  { org: 'acme', status: 'pending' },
  { org: 'acme', status: 'dead' },
];
const EVENTS: { org: Org; status: ProcessorEventStatus }[] = [
  { org: 'demo', status: 'failed' },
  { org: 'demo', status: 'failed' },
  { org: 'demo', status: 'processed' },
  { org: 'acme', status: 'failed' },
];

const orgIds = {} as Record<Org, string>;
let serial = 0;
const unique = (prefix: string) => `${prefix}_dash_${++serial}`;

async function createOrderWithInvoice(orgId: string, cents: number, currency: string) {
  const db = testDb.ownerDb;
  const order = await db.order.create({
    data: {
      orgId,
      customerEmail: 'buyer@example.test',
      status: 'pending_payment',
      currency,
      subtotalCents: cents,
      taxCents: 0,
      totalCents: cents,
    },
  });
  const invoice = await db.invoice.create({
    data: {
      orgId,
      orderId: order.id,
      currency,
      subtotalCents: cents,
      taxableSubtotalCents: cents,
      taxCents: 0,
      taxRateBasis: 0,
      totalCents: cents,
    },
  });
  return { order, invoice };
}

beforeAll(async () => {
  const db = testDb.ownerDb;
  for (const slug of ['demo', 'acme'] as const) {
    orgIds[slug] = (await db.organization.findUniqueOrThrow({ where: { slug } })).id;
  }

  for (const sale of SALES) {
    const orgId = orgIds[sale.org];
    const { order, invoice } = await createOrderWithInvoice(orgId, sale.cents, sale.currency);
    if (!sale.paidAt) continue;
    await db.order.update({
      where: { id: order.id },
      data: { status: 'paid', paidAt: sale.paidAt },
    });
    await db.invoice.update({
      where: { id: invoice.id },
      data: { status: 'paid', paidAt: sale.paidAt, amountPaidCents: sale.cents },
    });
    const payment = await db.payment.create({
      data: {
        orgId,
        invoiceId: invoice.id,
        processorPaymentIntentId: unique('pi'),
        amountCents: sale.cents,
        currency: sale.currency,
        status: 'succeeded',
      },
    });
    for (const refund of sale.refunds ?? []) {
      await db.refund.create({
        data: {
          orgId,
          orderId: order.id,
          paymentId: payment.id,
          amountCents: refund.cents,
          currency: sale.currency,
          reason: 'requested_by_customer',
          status: refund.status,
          idempotencyKey: unique('refund'),
          createdAt: refund.at,
        },
      });
    }
  }

  const sessionIds = new Map<string, { id: string; invoiceId: string }>();
  for (const s of SESSIONS) {
    const orgId = orgIds[s.org];
    const invoiceId = s.invoiceOf
      ? sessionIds.get(s.invoiceOf)!.invoiceId
      : (await createOrderWithInvoice(orgId, 1000, 'USD')).invoice.id;
    const session = await db.hostedCheckoutSession.create({
      data: {
        orgId,
        invoiceId,
        processorSessionId: unique('cs'),
        url: 'https://checkout.example.test/pay',
        status: s.status,
        amountCents: 1000,
        currency: 'USD',
        expiresAt: new Date(s.createdAt.getTime() + 86_400_000),
        createdAt: s.createdAt,
        ...(s.prompted
          ? {
              abandonedAt: new Date(s.createdAt.getTime() + 3_600_000),
              recoveryAttempts: 1,
              lastRecoveryAt: new Date(s.createdAt.getTime() + 7_200_000),
            }
          : {}),
      },
    });
    sessionIds.set(s.key, { id: session.id, invoiceId });
    if (s.prompted?.emailed) {
      await db.outboxEvent.create({
        data: {
          orgId,
          dedupeKey: `session:${session.id}:recovery:1`,
          channel: 'email',
          topic: 'checkout.recovery',
          recipient: 'buyer@example.test',
          subject: 'Your order is waiting for you',
          body: 'Pick up where you left off',
          status: 'delivered',
        },
      });
    }
  }

  const organizers: Record<Org, string> = {
    demo: (await db.user.findUniqueOrThrow({ where: { email: 'customer@souk.test' } })).id,
    acme: (await db.user.findUniqueOrThrow({ where: { email: 'admin@acme.test' } })).id,
  };
  const vendors: Record<Org, string> = {
    demo: (await db.vendor.findFirstOrThrow({ where: { orgId: orgIds.demo } })).id,
    acme: (
      await db.vendor.create({
        data: {
          orgId: orgIds.acme,
          userId: organizers.acme,
          type: 'service_provider',
          displayName: 'Acme Sound',
        },
      })
    ).id,
  };
  for (const b of BOOKINGS) {
    const orgId = orgIds[b.org];
    const booking = await db.booking.create({
      data: {
        orgId,
        organizerId: organizers[b.org],
        status: b.status,
        currency: 'USD',
        createdAt: b.createdAt,
      },
    });
    const bookingVendor = await db.bookingVendor.create({
      data: {
        orgId,
        bookingId: booking.id,
        vendorId: vendors[b.org],
        role: 'service',
        status: 'approved',
      },
    });
    for (const p of b.payments ?? []) {
      const payment = await db.bookingPayment.create({
        data: {
          orgId,
          bookingId: booking.id,
          kind: p.kind,
          status: p.status,
          amountCents: p.cents,
          currency: 'USD',
          processorPaymentIntentId: unique('pi'),
          clientSecret: 'secret',
          idempotencyKey: unique('key'),
          commissionBps: 1000,
          reservationBps: 5000,
          createdById: organizers[b.org],
          succeededAt: p.status === 'succeeded' ? p.succeededAt : null,
          createdAt: p.succeededAt,
        },
      });
      if (p.commissionCents === undefined) continue;
      const net = p.cents - p.commissionCents;
      const allocation = await db.payoutAllocation.create({
        data: {
          orgId,
          bookingId: booking.id,
          paymentId: payment.id,
          bookingVendorId: bookingVendor.id,
          vendorId: vendors[b.org],
          grossCents: p.cents,
          commissionCents: p.commissionCents,
          netCents: net,
          currency: 'USD',
          createdAt: p.succeededAt,
        },
      });
      for (const payout of p.payouts ?? []) {
        await db.payout.create({
          data: {
            orgId,
            allocationId: allocation.id,
            bookingId: booking.id,
            vendorId: vendors[b.org],
            milestone: payout.milestone,
            status: payout.status,
            amountCents: net / 2,
            currency: 'USD',
            approvedAt: payout.approvedAt ?? null,
          },
        });
      }
    }
  }

  for (const row of OUTBOX) {
    await db.outboxEvent.create({
      data: {
        orgId: orgIds[row.org],
        dedupeKey: unique('outbox'),
        channel: 'email',
        topic: 'order.paid',
        recipient: 'buyer@example.test',
        body: 'Thank you for your order',
        status: row.status,
      },
    });
  }
  for (const row of EVENTS) {
    await db.processorEvent.create({
      data: {
        orgId: orgIds[row.org],
        eventId: unique('evt'),
        type: 'payment_intent.succeeded',
        status: row.status,
        payload: {},
        eventCreatedAt: at('2025-03-02T00:00:00Z'),
      },
    });
  }
});

// ---------------------------------------------------------------------------------------
// Expected figures, from the fixtures above.

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const demo = <T extends { org: Org }>(rows: T[]) => rows.filter((r) => r.org === 'demo');

function expectedSales(currency: string, period: (d: Date) => boolean) {
  const paid = demo(SALES).filter(
    (s) => s.currency === currency && s.paidAt !== null && period(s.paidAt),
  );
  const grossCents = sum(paid.map((s) => s.cents));
  const refundedCents = sum(
    demo(SALES)
      .filter((s) => s.currency === currency)
      .flatMap((s) => s.refunds ?? [])
      .filter((r) => r.status === 'succeeded' && period(r.at))
      .map((r) => r.cents),
  );
  return {
    grossCents,
    refundedCents,
    netCents: grossCents - refundedCents,
    orders: paid.length,
    averageOrderCents: paid.length === 0 ? null : Math.round(grossCents / paid.length),
  };
}

function expectedCheckout(period: (d: Date) => boolean) {
  const sessions = demo(SESSIONS).filter((s) => period(s.createdAt));
  const completed = sessions.filter((s) => s.status === 'completed').length;
  return {
    sessions: sessions.length,
    completed,
    conversionBps: Math.round((completed * 10_000) / sessions.length),
    recovered: sessions.filter((s) => s.recovered).length,
  };
}

const demoPayments = demo(BOOKINGS).flatMap((b) => b.payments ?? []);
const succeededIn = (kind: BookingPaymentKind, period: (d: Date) => boolean) =>
  sum(
    demoPayments
      .filter((p) => p.kind === kind && p.status === 'succeeded' && period(p.succeededAt))
      .map((p) => p.cents),
  );
const demoPayouts = demoPayments.flatMap((p) =>
  (p.payouts ?? []).map((payout) => ({
    ...payout,
    cents: (p.cents - (p.commissionCents ?? 0)) / 2,
  })),
);

describe('dashboard.getDashboard', () => {
  it('adds up the range and the period before it, per currency and per day', async () => {
    const d = await c.viewer.dashboard.getDashboard(RANGE);
    expect(d.range).toEqual({
      from: '2025-03-01',
      to: '2025-03-10',
      days: 10,
      bucket: 'day',
      previousFrom: '2025-02-19',
      previousTo: '2025-02-28',
    });

    expect(d.sales.map((s) => s.currency)).toEqual(['EUR', 'USD']);
    for (const sales of d.sales) {
      const current = expectedSales(sales.currency, inRange);
      const previous = expectedSales(sales.currency, inPrevious);
      expect(sales.grossCents).toEqual({
        current: current.grossCents,
        previous: previous.grossCents,
      });
      expect(sales.refundedCents).toEqual({
        current: current.refundedCents,
        previous: previous.refundedCents,
      });
      expect(sales.netCents).toEqual({ current: current.netCents, previous: previous.netCents });
      expect(sales.orders).toEqual({ current: current.orders, previous: previous.orders });
      expect(sales.averageOrderCents).toEqual({
        current: current.averageOrderCents,
        previous: previous.averageOrderCents,
      });
      // One point per day; the points add up to the range's totals.
      expect(sales.series).toHaveLength(10);
      expect(sum(sales.series.map((p) => p.grossCents))).toBe(current.grossCents);
      expect(sum(sales.series.map((p) => p.netCents))).toBe(current.netCents);
      expect(sum(sales.series.map((p) => p.orders))).toBe(current.orders);
    }
    const usd = d.sales.find((s) => s.currency === 'USD')!;
    // 10,499 over 4 orders is 2,624.75: rounded half up to 2,625.
    expect(usd.averageOrderCents.current).toBe(2625);
    expect(usd.series[0]).toEqual({
      date: '2025-03-01',
      grossCents: 7500,
      netCents: 7500,
      orders: 2,
    });
    expect(usd.series[4]).toEqual({
      date: '2025-03-05',
      grossCents: 1999,
      netCents: 1499,
      orders: 1,
    });
    expect(usd.series[9]).toEqual({
      date: '2025-03-10',
      grossCents: 1000,
      netCents: 1000,
      orders: 1,
    });
    expect(d.orders).toEqual({
      current: expectedSales('USD', inRange).orders + expectedSales('EUR', inRange).orders,
      previous: expectedSales('USD', inPrevious).orders,
    });
  });

  it('counts checkout conversion and the checkouts a recovery email brought back', async () => {
    const d = await c.viewer.dashboard.getDashboard(RANGE);
    expect(d.checkout.current).toEqual(expectedCheckout(inRange));
    expect(d.checkout.previous).toEqual(expectedCheckout(inPrevious));
    // 4 of 7 sessions completed: 57.14%.
    expect(d.checkout.current.conversionBps).toBe(5714);
  });

  it('counts bookings by status, deposits and balances, commission and payouts', async () => {
    const d = await c.viewer.dashboard.getDashboard(RANGE);
    for (const row of d.bookings.byStatus) {
      const of = (period: (d: Date) => boolean) =>
        demo(BOOKINGS).filter((b) => b.status === row.status && period(b.createdAt)).length;
      expect(row).toEqual({ status: row.status, current: of(inRange), previous: of(inPrevious) });
    }
    expect(d.bookings.total).toEqual({
      current: demo(BOOKINGS).filter((b) => inRange(b.createdAt)).length,
      previous: demo(BOOKINGS).filter((b) => inPrevious(b.createdAt)).length,
    });

    expect(d.bookingPayments).toEqual([
      {
        currency: 'USD',
        depositCents: {
          current: succeededIn('deposit', inRange),
          previous: succeededIn('deposit', inPrevious),
        },
        balanceCents: {
          current: succeededIn('balance', inRange),
          previous: succeededIn('balance', inPrevious),
        },
        fullCents: {
          current: succeededIn('full', inRange),
          previous: succeededIn('full', inPrevious),
        },
      },
    ]);

    const commission = (period: (d: Date) => boolean) =>
      sum(demoPayments.filter((p) => period(p.succeededAt)).map((p) => p.commissionCents ?? 0));
    expect(d.commission).toEqual([
      {
        currency: 'USD',
        commissionCents: { current: commission(inRange), previous: commission(inPrevious) },
      },
    ]);

    const paidIn = (period: (d: Date) => boolean) =>
      demoPayouts.filter((p) => p.status === 'paid' && p.approvedAt && period(p.approvedAt));
    const withStatus = (status: PayoutStatus) => demoPayouts.filter((p) => p.status === status);
    expect(d.payouts).toEqual([
      {
        currency: 'USD',
        dueCents: sum(withStatus('eligible').map((p) => p.cents)),
        dueCount: withStatus('eligible').length,
        heldCents: sum(withStatus('held').map((p) => p.cents)),
        heldCount: withStatus('held').length,
        paidCents: {
          current: sum(paidIn(inRange).map((p) => p.cents)),
          previous: sum(paidIn(inPrevious).map((p) => p.cents)),
        },
        paidCount: { current: paidIn(inRange).length, previous: paidIn(inPrevious).length },
      },
    ]);
  });

  it('counts the outbox backlog, dead letters and failed payment events as they are now', async () => {
    const d = await c.viewer.dashboard.getDashboard(RANGE);
    expect(d.ops).toEqual({
      outboxPending: demo(OUTBOX).filter((o) => o.status === 'pending').length,
      outboxDead: demo(OUTBOX).filter((o) => o.status === 'dead').length,
      failedPaymentEvents: demo(EVENTS).filter((e) => e.status === 'failed').length,
    });
  });

  it('shows acme its own rows only', async () => {
    const d = await c.acmeAdmin.dashboard.getDashboard(RANGE);
    expect(d.sales).toEqual([
      expect.objectContaining({
        currency: 'USD',
        grossCents: { current: 100_000, previous: 0 },
        refundedCents: { current: 1000, previous: 0 },
        orders: { current: 1, previous: 0 },
      }),
    ]);
    expect(d.checkout.current).toEqual({
      sessions: 1,
      completed: 1,
      conversionBps: 10_000,
      recovered: 0,
    });
    expect(d.bookings.total.current).toBe(1);
    expect(d.commission).toEqual([
      { currency: 'USD', commissionCents: { current: 900, previous: 0 } },
    ]);
    expect(d.payouts[0]).toMatchObject({ dueCents: 4050, heldCents: 4050, dueCount: 1 });
    expect(d.ops).toEqual({ outboxPending: 1, outboxDead: 1, failedPaymentEvents: 1 });
  });

  it('defaults to the last 30 days and charts long ranges per week', async () => {
    const d = await c.viewer.dashboard.getDashboard({});
    expect(d.range.days).toBe(30);
    expect(d.range.to).toBe(new Date().toISOString().slice(0, 10));

    const year = await c.viewer.dashboard.getDashboard({ from: '2025-01-01', to: '2025-12-31' });
    expect(year.range).toMatchObject({ days: 365, bucket: 'week' });
    const usd = year.sales.find((s) => s.currency === 'USD')!;
    expect(usd.series).toHaveLength(53);
    expect(usd.series[1]!.date).toBe('2025-01-08');
    // Week 9 starts 2025-02-26: the 2025-02-28 and 2025-03-01 sales fall in it.
    const week = usd.series.find((p) => p.date === '2025-02-26')!;
    expect(week).toMatchObject({ grossCents: 3000 + 5000 + 2500, orders: 3 });
  });

  it('refuses customers and vendors', async () => {
    expect((await errorOf(c.customer.dashboard.getDashboard(RANGE))).code).toBe('FORBIDDEN');
    const vendor = callerAs(testDb.db, await sessionFor(testDb.db, 'vendor@souk.test'));
    expect((await errorOf(vendor.dashboard.getDashboard(RANGE))).code).toBe('FORBIDDEN');
    expect((await errorOf(c.anonymous.dashboard.getDashboard(RANGE))).code).toBe('UNAUTHORIZED');
  });

  it('refuses bad ranges in words, beside the field', async () => {
    const refusal = async (input: { from?: string; to?: string }) => {
      const error = await errorOf(c.viewer.dashboard.getDashboard(input));
      expect(error.code).toBe('BAD_REQUEST');
      return fieldErrorsOf(error.cause);
    };
    expect(await refusal({ from: '0000-01-01', to: '2025-01-01' })).toEqual({
      from: ['The start date must be between 1900 and 2200'],
    });
    expect(await refusal({ from: '2025-02-30' })).toEqual({
      from: ['The start date must be a date (YYYY-MM-DD)'],
    });
    // The shared dateOnly() also adds its year message to text that is no date at all.
    expect((await refusal({ to: 'yesterday' }))?.to?.[0]).toBe(
      'The end date must be a date (YYYY-MM-DD)',
    );
    expect(await refusal({ from: '2025-03-10', to: '2025-03-01' })).toEqual({
      from: ['The start date must be on or before the end date'],
    });
    // 2024 is a leap year: 2024-01-01..2025-01-01 is 367 days.
    expect(await refusal({ from: '2024-01-01', to: '2025-01-01' })).toEqual({
      from: ['The date range is at most 366 days'],
    });
    expect(
      (await c.viewer.dashboard.getDashboard({ from: '2024-01-01', to: '2024-12-31' })).range.days,
    ).toBe(366);
  });
});
