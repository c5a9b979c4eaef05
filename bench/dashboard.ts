// `pnpm bench:dashboard` (also run by `pnpm bench`): the admin dashboard (core getDashboard)
// over 100,000 orders (with invoices, payments, hosted sessions, some refunds and recovery
// emails) and 10,000 bookings (with payments, allocations and payouts) spread over 400 days.
// Times the use case in-process and through the tRPC caller, against a trivial count on
// the same data, and shows which tables the dashboard read by sequential scan.
// Prints figures; asserts nothing. Not part of the test suite.
import type pg from 'pg';
import { fmt, histogram, inOrg, loadAverage, runBench } from './support';
// Types only: the modules themselves load once runBench has set the env (they read it on import).
import type * as harnessModule from '@souk/api/testing';

const env = process.env;
const ORDERS = Number(env.BENCH_DASHBOARD_ORDERS ?? 100_000);
const BOOKINGS = Number(env.BENCH_DASHBOARD_BOOKINGS ?? 10_000);
const CALLS = Number(env.BENCH_DASHBOARD_CALLS ?? 200);
const WARM_UP = 20;
const TARGET_P99_MS = 300;
const SPREAD_DAYS = 400;
// Every row this bench creates is recognisable, so a rerun (or a shared DATABASE_URL)
// starts clean: orders and outbox rows by email domain, bookings by notes, events by id.
const EMAIL_DOMAIN = '@bench-dashboard.invalid';
const NOTES = 'bench-dashboard';
const EVENT_PREFIX = 'evt_benchdash_';
const TABLES = [
  'invoices',
  'refunds',
  'hosted_checkout_sessions',
  'outbox_events',
  'bookings',
  'booking_payments',
  'payout_allocations',
  'payouts',
  'processor_events',
];

/** Orders with invoices, payments and hosted sessions, paid over the last 400 days, set-based. */
async function insertOrders(owner: pg.Pool, orgId: string, now: Date): Promise<void> {
  await inOrg(owner, orgId, (client) =>
    client.query(
      `with b as materialized (
         select i, gen_random_uuid() as order_id, gen_random_uuid() as invoice_id,
                gen_random_uuid() as payment_id, gen_random_uuid() as session_id,
                i % 20 <> 0 as paid,
                i % 25 = 0 as recovered,
                $2::timestamp - (i % ${SPREAD_DAYS}) * interval '1 day'
                  - (i % 86400) * interval '1 second' as at,
                1000 + (i * 37) % 20000 as cents
         from generate_series(1, $3::int) i
       ), o as (
         insert into orders (id, "orgId", "customerEmail", status, currency, "subtotalCents",
                             "taxCents", "totalCents", "paidAt", "createdAt", "updatedAt")
         select order_id, $1::uuid, 'buyer' || i || '${EMAIL_DOMAIN}',
                (case when paid then 'paid' else 'pending_payment' end)::"OrderStatus", 'USD',
                cents, 0, cents, case when paid then at end, at, at
         from b
       ), inv as (
         insert into invoices (id, "orgId", "orderId", status, currency, "subtotalCents",
                               "taxableSubtotalCents", "taxCents", "taxRateBasis", "totalCents",
                               "amountPaidCents", "issuedAt", "paidAt", "createdAt", "updatedAt")
         select invoice_id, $1::uuid, order_id,
                (case when paid then 'paid' else 'open' end)::"InvoiceStatus", 'USD', cents,
                cents, 0, 0, cents, case when paid then cents else 0 end, at,
                case when paid then at end, at, at
         from b
       ), pay as (
         insert into payments (id, "orgId", "invoiceId", "processorPaymentIntentId", "amountCents",
                               currency, status, "createdAt", "updatedAt")
         select payment_id, $1::uuid, invoice_id, 'pi_benchdash_' || i, cents, 'USD', 'succeeded',
                at, at
         from b where paid
       ), ref as (
         insert into refunds (id, "orgId", "orderId", "paymentId", "amountCents", currency, reason,
                              status, "idempotencyKey", "createdAt", "updatedAt")
         select gen_random_uuid(), $1::uuid, order_id, payment_id, cents / 2, 'USD',
                'requested_by_customer', 'succeeded', 'refund_benchdash_' || i,
                at + interval '1 day', at + interval '1 day'
         from b where paid and i % 50 = 1
       ), mail as (
         insert into outbox_events (id, "orgId", "dedupeKey", channel, topic, recipient, body,
                                    status, "createdAt", "updatedAt")
         select gen_random_uuid(), $1::uuid, 'session:' || session_id || ':recovery:1', 'email',
                'checkout.recovery', 'buyer' || i || '${EMAIL_DOMAIN}', 'Pick up where you left off',
                'delivered', at, at
         from b where recovered
       )
       insert into hosted_checkout_sessions (id, "orgId", "invoiceId", "processorSessionId", url,
                                             status, "amountCents", currency, "expiresAt",
                                             "completedAt", "abandonedAt", "recoveryAttempts",
                                             "lastRecoveryAt", "createdAt", "updatedAt")
       select session_id, $1::uuid, invoice_id, 'cs_benchdash_' || i,
              'https://checkout.stripe.test/c/pay/cs_benchdash_' || i,
              (case when paid then 'completed' when i % 40 = 0 then 'expired'
                    else 'abandoned' end)::"HostedSessionStatus",
              cents, 'USD', at + interval '1 day', case when paid then at end,
              case when recovered or not paid then at - interval '1 hour' end,
              case when recovered then 1 else 0 end,
              case when recovered then at - interval '30 minutes' end,
              at - interval '2 hours', at
       from b`,
      [orgId, now.toISOString(), ORDERS],
    ),
  );
  // The ops counts: a backlog, dead letters and failed payment events.
  await inOrg(owner, orgId, async (client) => {
    await client.query(
      `insert into outbox_events (id, "orgId", "dedupeKey", channel, topic, recipient, body,
                                  status, "createdAt", "updatedAt")
       select gen_random_uuid(), $1::uuid, 'benchdash:' || i, 'email', 'order.paid',
              'ops' || i || '${EMAIL_DOMAIN}', 'Thank you',
              (case when i % 5 = 0 then 'dead' else 'pending' end)::"OutboxStatus",
              $2::timestamp, $2::timestamp
       from generate_series(1, 500) i`,
      [orgId, now.toISOString()],
    );
    await client.query(
      `insert into processor_events (id, "orgId", "eventId", type, status, payload,
                                     "eventCreatedAt")
       select gen_random_uuid(), $1::uuid, '${EVENT_PREFIX}' || i, 'payment_intent.succeeded',
              (case when i % 10 = 0 then 'failed' else 'processed' end)::"ProcessorEventStatus",
              '{}'::jsonb, $2::timestamp
       from generate_series(1, 1000) i`,
      [orgId, now.toISOString()],
    );
  });
}

/** Bookings with a vendor, deposits and balances, allocations and two payouts each. */
async function insertBookings(owner: pg.Pool, orgId: string, now: Date): Promise<void> {
  await inOrg(owner, orgId, (client) =>
    client.query(
      `with people as (
         select (select id from users where email = 'customer@souk.test') as organizer_id,
                (select id from vendors where "orgId" = $1::uuid order by "createdAt" limit 1)
                  as vendor_id
       ), b as materialized (
         select i, gen_random_uuid() as booking_id, gen_random_uuid() as booking_vendor_id,
                gen_random_uuid() as deposit_id, gen_random_uuid() as balance_id,
                gen_random_uuid() as deposit_alloc, gen_random_uuid() as balance_alloc,
                (array['draft', 'awaiting_vendor_approval', 'ready_for_payment', 'paid',
                       'completed', 'cancelled'])[1 + i % 6] as status,
                $2::timestamp - (i % ${SPREAD_DAYS}) * interval '1 day'
                  - (i % 86400) * interval '1 second' as at,
                people.*
         from generate_series(1, $3::int) i, people
       ), bk as (
         insert into bookings (id, "orgId", "organizerId", status, currency, "totalCents",
                               notes, "createdAt", "updatedAt")
         select booking_id, $1::uuid, organizer_id, status::"BookingStatus", 'USD', 100000,
                '${NOTES}', at, at
         from b
       ), bv as (
         insert into booking_vendors (id, "orgId", "bookingId", "vendorId", role, status,
                                      "agreedAmountCents", "createdAt", "updatedAt")
         select booking_vendor_id, $1::uuid, booking_id, vendor_id, 'service', 'approved',
                100000, at, at
         from b
       ), p as (
         select b.*, kind, payment_id, alloc_id, cents, at + offset_time as paid_at
         from b,
         lateral (values ('deposit', deposit_id, deposit_alloc, 30000, interval '1 hour'),
                         ('balance', balance_id, balance_alloc, 70000, interval '5 days'))
           as v(kind, payment_id, alloc_id, cents, offset_time)
         where status in ('paid', 'completed') or (kind = 'deposit' and status = 'cancelled')
       ), bp as (
         insert into booking_payments (id, "orgId", "bookingId", kind, status, "amountCents",
                                       currency, "processorPaymentIntentId", "clientSecret",
                                       "idempotencyKey", "commissionBps", "reservationBps",
                                       "createdById", "succeededAt", "createdAt", "updatedAt")
         select payment_id, $1::uuid, booking_id, kind::"BookingPaymentKind", 'succeeded', cents,
                'USD', 'pi_benchdash_bk_' || payment_id, 'secret', 'key_' || payment_id,
                1000, 5000, organizer_id, paid_at, paid_at, paid_at
         from p
       ), pa as (
         insert into payout_allocations (id, "orgId", "bookingId", "paymentId", "bookingVendorId",
                                         "vendorId", "grossCents", "commissionCents", "netCents",
                                         currency, "createdAt")
         select alloc_id, $1::uuid, booking_id, payment_id, booking_vendor_id, vendor_id, cents,
                cents / 10, cents - cents / 10, 'USD', paid_at
         from p
       )
       insert into payouts (id, "orgId", "allocationId", "bookingId", "vendorId", milestone,
                            status, "amountCents", currency, "approvedAt", "createdAt",
                            "updatedAt")
       select gen_random_uuid(), $1::uuid, alloc_id, booking_id, vendor_id,
              milestone::"PayoutMilestone", payout_status::"PayoutStatus",
              (cents - cents / 10) / 2, 'USD',
              case when payout_status = 'paid' then paid_at + interval '2 days' end,
              paid_at, paid_at
       from p,
       lateral (values ('reservation',
                        (array['eligible', 'held', 'paid', 'paid'])[1 + i % 4]),
                       ('completion', (array['locked', 'eligible', 'paid', 'held'])[1 + i % 4]))
         as m(milestone, payout_status)`,
      [orgId, now.toISOString(), BOOKINGS],
    ),
  );
}

async function cleanup(owner: pg.Pool, orgId: string): Promise<void> {
  await inOrg(owner, orgId, async (client) => {
    // Invoices, payments, refunds and sessions go with their orders (ON DELETE CASCADE);
    // booking vendors, payments, allocations and payouts with their bookings.
    await client.query(
      `delete from orders where "orgId" = $1 and "customerEmail" like '%${EMAIL_DOMAIN}'`,
      [orgId],
    );
    await client.query(`delete from bookings where "orgId" = $1 and notes = '${NOTES}'`, [orgId]);
    await client.query(
      `delete from outbox_events where "orgId" = $1 and recipient like '%${EMAIL_DOMAIN}'`,
      [orgId],
    );
    await client.query(`delete from processor_events where starts_with("eventId", $1)`, [
      EVENT_PREFIX,
    ]);
  });
}

interface Figures {
  label: string;
  p50: number;
  p99: number;
  max: number;
}

/** `work` WARM_UP times unrecorded, then CALLS times one after another; latencies in ms. */
async function measure(label: string, work: () => Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < WARM_UP; i += 1) await work();
  const h = histogram();
  for (let i = 0; i < CALLS; i += 1) {
    const t0 = performance.now();
    await work();
    h.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
  }
  return {
    label,
    p50: h.getValueAtPercentile(50) / 1000,
    p99: h.getValueAtPercentile(99) / 1000,
    max: h.maxValue / 1000,
  };
}

/** Sequential and index scans per table so far (the owner sees every backend's counters). */
async function scanCounts(owner: pg.Pool) {
  // Counters reach the shared stats a moment after the transaction that made them.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const { rows } = await owner.query<{ relname: string; seq: string; idx: string }>(
    `select relname, coalesce(seq_scan, 0) as seq, coalesce(idx_scan, 0) as idx
     from pg_stat_user_tables where relname = any($1)`,
    [TABLES],
  );
  return new Map(rows.map((r) => [r.relname, { seq: Number(r.seq), idx: Number(r.idx) }]));
}

runBench({ dataDir: 'bench-dashboard', port: 54377, cleanup }, async ({ appUrl, owner, orgId }) => {
  const { createDb, withOrg } = await import('@souk/db');
  const { getDashboard } = await import('@souk/core');
  const { appRouter, createCallerFactory, createTRPCContext } = await import('@souk/api');
  const harness: typeof harnessModule = await import('@souk/api/testing');
  await cleanup(owner, orgId);

  const now = new Date();
  console.log(`dashboard: inserting ${fmt(ORDERS)} orders and ${fmt(BOOKINGS)} bookings…`);
  const started = performance.now();
  await insertOrders(owner, orgId, now);
  await insertBookings(owner, orgId, now);
  await owner.query(`analyze ${['orders', ...TABLES].join(', ')}`);
  console.log(`inserted and analyzed in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const db = createDb(appUrl, { max: 2 });
  try {
    const ctxFor = (tx: Parameters<Parameters<typeof withOrg>[2]>[0]) => ({
      tx,
      orgId,
      actor: null,
      requestId: null,
    });
    const last30 = {};
    const year = {
      from: new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10),
      to: now.toISOString().slice(0, 10),
    };
    const sample = await withOrg(db, orgId, (tx) =>
      getDashboard({ ctx: ctxFor(tx), input: last30 }),
    );
    const usd = sample.sales.find((s) => s.currency === 'USD');
    console.log(
      `last 30 days: ${fmt(usd?.orders.current ?? 0)} orders, gross ${fmt(usd?.grossCents.current ?? 0)} cents, ` +
        `conversion ${sample.checkout.current.conversionBps ?? '—'} bps, recovered ${fmt(sample.checkout.current.recovered)}, ` +
        `bookings ${fmt(sample.bookings.total.current)}, outbox backlog ${fmt(sample.ops.outboxPending)}`,
    );

    const baseline = await measure('baseline: count(*) orders of the org', () =>
      withOrg(
        db,
        orgId,
        (tx) => tx.$queryRaw`select count(*) from orders where "orgId" = ${orgId}::uuid`,
      ),
    );
    const before = await scanCounts(owner);
    const core30 = await measure('core getDashboard, last 30 days', () =>
      withOrg(db, orgId, (tx) => getDashboard({ ctx: ctxFor(tx), input: last30 })),
    );
    const after = await scanCounts(owner);
    const core365 = await measure('core getDashboard, 366 days', () =>
      withOrg(db, orgId, (tx) => getDashboard({ ctx: ctxFor(tx), input: year })),
    );
    const session = await harness.sessionFor(db, 'admin@souk.test');
    const caller = createCallerFactory(appRouter)(
      createTRPCContext({ db, session, headers: new Headers() }),
    );
    const trpc30 = await measure('tRPC dashboard.getDashboard, last 30 days', () =>
      caller.dashboard.getDashboard({}),
    );

    console.log('');
    console.log(
      `${CALLS} calls each after ${WARM_UP} warm-up, one at a time; load ${loadAverage()}`,
    );
    console.table(
      [baseline, core30, core365, trpc30].map((f) => ({
        path: f.label,
        'p50 ms': f.p50.toFixed(2),
        'p99 ms': f.p99.toFixed(2),
        'max ms': f.max.toFixed(2),
        'p99 / baseline p99': (f.p99 / baseline.p99).toFixed(1),
      })),
    );
    for (const f of [core30, core365, trpc30]) {
      const met = f.p99 <= TARGET_P99_MS ? 'met' : 'NOT met';
      console.log(`target p99 <= ${TARGET_P99_MS} ms (${f.label}): ${met}`);
    }
    console.log('');
    console.log(`scans per table during the ${CALLS + WARM_UP} last-30-days calls:`);
    console.table(
      TABLES.map((table) => ({
        table,
        'seq scans': (after.get(table)?.seq ?? 0) - (before.get(table)?.seq ?? 0),
        'index scans': (after.get(table)?.idx ?? 0) - (before.get(table)?.idx ?? 0),
      })),
    );
  } finally {
    await db.$disconnect();
  }
  await cleanup(owner, orgId);
});
