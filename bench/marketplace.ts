// `pnpm bench:marketplace` (also run by `pnpm bench`): the marketplace at volume.
//   1. A vendor's booking list (marketplace.vendor.inbox through an in-process tRPC caller
//      signed in as the vendor) when the vendor has 10,000 bookings: three variants, then
//      EXPLAIN (ANALYZE, BUFFERS) of the SQL Prisma sends for it, replayed with raw `pg`.
//   2. Payout allocation: payment_intent.succeeded applied through core's event dispatch
//      to 100,000 bookings ready for payment, checked with one aggregate, beside the pure
//      planAllocation over the same bookings.
// Prints figures; asserts nothing. Not part of the test suite.
import os from 'node:os';
import pg from 'pg';
import {
  fmt,
  histogram,
  inOrg,
  loadAverage,
  mib,
  runBench,
  storeEvents,
  withRssSampling,
} from './support';
// Types only: the modules themselves load once runBench has set the env (they read it on import).
import type * as harnessModule from '@souk/api/testing';
import type { Db } from '@souk/db';

const env = process.env;
const INBOX_BOOKINGS = Number(env.BENCH_INBOX_BOOKINGS ?? 10_000);
const PAID_BOOKINGS = Number(env.BENCH_PAID_BOOKINGS ?? 100_000);
const WARM_BOOKINGS = Math.min(500, Math.max(20, Math.floor(PAID_BOOKINGS / 100)));
const DURATION_S = Number(env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 10);
const ALLOCATION_CONCURRENCY = Number(env.BENCH_ALLOCATION_CONCURRENCY ?? 8);
const PAGE_SIZE = 25;
const DEEP_PAGE = 200;
const COMMISSION_BPS = 1000;
const RESERVATION_BPS = 5000;
// Every row this bench creates is recognisable, so a rerun (or a shared DATABASE_URL)
// starts clean: bench users by email, their bookings by notes, payments by intent id.
const NOTES = 'bench';
const PI_PREFIX = 'pi_bench_';
const PI_WARM_PREFIX = 'pi_benchwarm_';
const INDEX_BY_DATE = 'booking_vendors_orgId_vendorId_createdAt_id_idx';
const INDEX_BY_STATUS = 'booking_vendors_orgId_vendorId_status_createdAt_idx';
// Prisma writes timestamp(3) columns in UTC.
const NOW = `(now() at time zone 'utc')`;

interface BenchPerson {
  key: 'vendor' | 'venue' | 'caterer' | 'photographer' | 'organizer';
  email: string;
  role: 'VENDOR' | 'CUSTOMER';
  vendor?: { type: 'venue_owner' | 'service_provider'; displayName: string };
}

const benchVendor = (
  key: BenchPerson['key'],
  type: 'venue_owner' | 'service_provider',
  displayName: string,
): BenchPerson => ({
  key,
  email: `bench-${key}@bench.invalid`,
  role: 'VENDOR',
  vendor: { type, displayName },
});
const ORGANIZER_EMAIL = 'bench-organizer@bench.invalid';
const PEOPLE: BenchPerson[] = [
  benchVendor('vendor', 'service_provider', 'Bench Vendor'),
  benchVendor('venue', 'venue_owner', 'Bench Venue'),
  benchVendor('caterer', 'service_provider', 'Bench Catering'),
  benchVendor('photographer', 'service_provider', 'Bench Photography'),
  { key: 'organizer', email: ORGANIZER_EMAIL, role: 'CUSTOMER' },
];
const EMAILS = PEOPLE.map((p) => p.email);

interface Ids {
  organizer: string;
  vendor: string;
  venue: string;
  caterer: string;
  photographer: string;
}

const ms = (n: number) => n.toFixed(2);
const okOr = (ok: boolean) => (ok ? 'ok' : 'MISMATCH');

/** `concurrency` loops calling `work` until `seconds` have passed; latencies in µs. */
async function forDuration(
  seconds: number,
  concurrency: number,
  work: () => Promise<void>,
): Promise<{ requests: number; rps: number; p50: number; p99: number; max: number }> {
  const h = histogram();
  let requests = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await work();
        h.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
        requests += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests,
    rps: requests / elapsed,
    p50: h.getValueAtPercentile(50) / 1000,
    p99: h.getValueAtPercentile(99) / 1000,
    max: h.maxValue / 1000,
  };
}

const BENCH_BOOKINGS = `select id from bookings where "orgId" = $1 and notes = '${NOTES}'
  and "organizerId" in (select id from users where email = '${ORGANIZER_EMAIL}')`;

async function cleanup(owner: pg.Pool, orgId: string): Promise<void> {
  // Allocations first, then a vacuum: deleting a booking cascades to booking_vendors, and
  // each booking_vendors row cascades to payout_allocations by "bookingVendorId", which
  // has no index, so every one of those deletes scans payout_allocations whole.
  await inOrg(owner, orgId, async (c) => {
    await c.query(`delete from payouts where "bookingId" in (${BENCH_BOOKINGS})`, [orgId]);
    await c.query(`delete from payout_allocations where "bookingId" in (${BENCH_BOOKINGS})`, [
      orgId,
    ]);
  });
  await owner.query('vacuum payout_allocations, payouts');
  await inOrg(owner, orgId, async (c) => {
    await c.query(`delete from bookings where id in (${BENCH_BOOKINGS})`, [orgId]);
    await c.query(`delete from outbox_events where "orgId" = $1 and recipient = $2`, [
      orgId,
      ORGANIZER_EMAIL,
    ]);
    // Memberships and vendor profiles go with their users (ON DELETE CASCADE).
    await c.query(`delete from users where email = any($1)`, [EMAILS]);
  });
  await owner.query(
    `delete from processor_events where starts_with("eventId", 'evt_bench_alloc_')`,
  );
}

async function createPeople(owner: pg.Pool, orgId: string): Promise<Ids> {
  return inOrg(owner, orgId, async (c) => {
    const ids: Partial<Ids> = {};
    for (const person of PEOPLE) {
      const { rows } = await c.query<{ id: string }>(
        `insert into users (id, email, name, "emailVerifiedAt", "createdAt", "updatedAt")
         values (gen_random_uuid(), $1, $2, ${NOW}, ${NOW}, ${NOW}) returning id`,
        [person.email, person.email.split('@')[0]],
      );
      const userId = rows[0]!.id;
      await c.query(
        `insert into memberships (id, "orgId", "userId", role, "createdAt", "updatedAt")
         values (gen_random_uuid(), $1, $2, $3::"Role", ${NOW}, ${NOW})`,
        [orgId, userId, person.role],
      );
      if (person.key === 'organizer') {
        ids.organizer = userId;
        continue;
      }
      if (!person.vendor) continue;
      const vendor = await c.query<{ id: string }>(
        `insert into vendors (id, "orgId", "userId", type, "displayName", city, status,
                              "reviewedAt", "createdAt", "updatedAt")
         values (gen_random_uuid(), $1, $2, $3::"VendorType", $4, 'Bench City', 'approved',
                 ${NOW}, ${NOW}, ${NOW})
         returning id`,
        [orgId, userId, person.vendor.type, person.vendor.displayName],
      );
      ids[person.key] = vendor.rows[0]!.id;
    }
    return ids as Ids;
  });
}

/**
 * The measured vendor's inbox: `count` bookings, each with a row for the bench vendor
 * (40% pending, 30% approved, 15% countered, 15% declined; the booking's status follows)
 * and an approved row for the bench venue. One request every 37 s, newest first.
 */
async function insertInboxBookings(owner: pg.Pool, orgId: string, ids: Ids, count: number) {
  await inOrg(owner, orgId, (c) =>
    c.query(
      `with b as materialized (
         select i, gen_random_uuid() as booking_id,
           ${NOW} - make_interval(secs => i * 37) as created,
           case when i % 20 < 8 then 'pending' when i % 20 < 14 then 'approved'
                when i % 20 < 17 then 'countered' else 'declined' end as answer,
           (40000 + i * 7919 % 60000)::int as service_cents,
           (150000 + i * 104729 % 100000)::int as venue_cents
         from generate_series(1::bigint, $5::bigint) i
       ), t as materialized (
         select b.*,
           case answer when 'approved' then (array['ready_for_payment', 'paid', 'completed'])[1 + i % 3]
                       when 'declined' then 'cancelled' else 'awaiting_vendor_approval' end as booking_status
         from b
       ), bk as (
         insert into bookings (id, "orgId", "organizerId", status, "eventDate", "guestCount",
                               "locationText", notes, "requestedBudgetCents", currency, "totalCents",
                               "amountPaidCents", "completedAt", "cancelledAt", "cancelReason",
                               "createdAt", "updatedAt")
         select booking_id, $1, $2, booking_status::"BookingStatus", (created + interval '90 days')::date,
           (20 + i % 180)::int, 'Bench City riverside', '${NOTES}', (200000 + i % 50 * 1000)::int, 'USD',
           case when answer = 'approved' then service_cents + venue_cents else 0 end,
           case when booking_status in ('paid', 'completed') then service_cents + venue_cents else 0 end,
           case when booking_status = 'completed' then created + interval '91 days' end,
           case when booking_status = 'cancelled' then created + interval '3 hours' end,
           case when booking_status = 'cancelled' then 'Vendor declined' end,
           created, created
         from t
       ), mine as (
         insert into booking_vendors (id, "orgId", "bookingId", "vendorId", role, status,
                                      "agreedAmountCents", "proposedAmountCents", "respondedAt",
                                      "createdAt", "updatedAt")
         select gen_random_uuid(), $1, booking_id, $3, 'service', answer::"BookingVendorStatus",
           case when answer = 'approved' then service_cents end,
           case when answer = 'countered' then service_cents + 5000 end,
           case when answer <> 'pending' then created + interval '1 hour' end,
           created, created
         from t
       )
       insert into booking_vendors (id, "orgId", "bookingId", "vendorId", role, status,
                                    "agreedAmountCents", "respondedAt", "createdAt", "updatedAt")
       select gen_random_uuid(), $1, booking_id, $4, 'venue', 'approved', venue_cents,
         created + interval '2 hours', created, created
       from t`,
      [orgId, ids.organizer, ids.vendor, ids.venue, count],
    ),
  );
}

/**
 * Bookings ready for payment, each with 2 or 3 approved vendors (venue + caterer, every
 * other one a photographer too; agreed amounts vary) and one open full payment at the
 * bench's commission and reservation.
 */
async function insertPayableBookings(
  owner: pg.Pool,
  orgId: string,
  ids: Ids,
  count: number,
  prefix: string,
) {
  await inOrg(owner, orgId, (c) =>
    c.query(
      `with b as materialized (
         select i, gen_random_uuid() as booking_id,
           ${NOW} - interval '30 days' - make_interval(secs => i * 3) as created,
           (100000 + i * 7919 % 150000)::int as venue_cents,
           (30000 + i * 104729 % 80000)::int as caterer_cents,
           case when i % 2 = 0 then (20000 + i * 15485863 % 50000)::int end as photo_cents
         from generate_series(1::bigint, $7::bigint) i
       ), t as materialized (
         select b.*, venue_cents + caterer_cents + coalesce(photo_cents, 0) as total from b
       ), bk as (
         insert into bookings (id, "orgId", "organizerId", status, "eventDate", "guestCount",
                               "locationText", notes, "requestedBudgetCents", currency, "totalCents",
                               "createdAt", "updatedAt")
         select booking_id, $1, $2, 'ready_for_payment', (created + interval '120 days')::date,
           (40 + i % 140)::int, 'Bench City hall', '${NOTES}', total, 'USD', total, created, created
         from t
       ), bv as (
         insert into booking_vendors (id, "orgId", "bookingId", "vendorId", role, status,
                                      "agreedAmountCents", "respondedAt", "createdAt", "updatedAt")
         select gen_random_uuid(), $1, booking_id, v.vendor_id, v.role::"BookingVendorRole", 'approved',
           v.cents, created + interval '1 hour', created + make_interval(secs => v.k), created
         from t cross join lateral (values
           ($3::uuid, 'venue', venue_cents, 0),
           ($4::uuid, 'service', caterer_cents, 1),
           ($5::uuid, 'service', photo_cents, 2)) as v(vendor_id, role, cents, k)
         where v.cents is not null
       )
       insert into booking_payments (id, "orgId", "bookingId", kind, status, "amountCents", currency,
                                     "processorPaymentIntentId", "clientSecret", "idempotencyKey",
                                     "openBookingId", "commissionBps", "reservationBps", "createdById",
                                     "createdAt", "updatedAt")
       select gen_random_uuid(), $1, booking_id, 'full', 'requires_payment', total, 'USD',
         $6 || i, $6 || i || '_secret_bench', 'bench-pay-' || booking_id, booking_id,
         ${COMMISSION_BPS}, ${RESERVATION_BPS}, $2, created + interval '2 hours', created + interval '2 hours'
       from t`,
      [orgId, ids.organizer, ids.venue, ids.caterer, ids.photographer, prefix, count],
    ),
  );
}

interface PayableBooking {
  paymentId: string;
  bookingId: string;
  paymentIntentId: string;
  amountCents: number;
  bookingVendorIds: string[];
  agreed: number[];
}

/** The payments to apply, with the vendors in the order the handler allocates them. */
async function loadPayable(owner: pg.Pool, orgId: string, prefix: string) {
  return inOrg(owner, orgId, async (c) => {
    const { rows } = await c.query<PayableBooking>(
      `select p.id as "paymentId", p."bookingId", p."processorPaymentIntentId" as "paymentIntentId",
         p."amountCents",
         array_agg(v.id order by v.role, v."createdAt", v.id) as "bookingVendorIds",
         array_agg(v."agreedAmountCents" order by v.role, v."createdAt", v.id) as agreed
       from booking_payments p
       join booking_vendors v on v."bookingId" = p."bookingId" and v.status = 'approved'
         and v."agreedAmountCents" > 0
       where p."orgId" = $1 and starts_with(p."processorPaymentIntentId", $2)
       group by p.id
       order by p."createdAt" desc`,
      [orgId, prefix],
    );
    return rows;
  });
}

// The SQL Prisma 7 sends for listVendorInbox (captured from its query log), replayed for EXPLAIN.
// RLS adds "orgId" = current_setting('app.current_org_id') to both.
const INBOX_COUNT_SQL = (byStatus: boolean) =>
  `SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."booking_vendors"."id"
   FROM "public"."booking_vendors" WHERE ("public"."booking_vendors"."vendorId" = $1
   ${byStatus ? `AND "public"."booking_vendors"."status" = CAST($3::text AS "public"."BookingVendorStatus")` : ''})
   OFFSET $2) AS "sub"`;
// With relationLoadStrategy 'query' the page's bookings come from a second query by
// primary key (25 ids); the list itself is this one, which is what the offset costs.
const INBOX_LIST_SQL = (byStatus: boolean) =>
  `SELECT "t0"."id", "t0"."role"::text, "t0"."status"::text, "t0"."agreedAmountCents",
     "t0"."proposedAmountCents", "t0"."createdAt", "t0"."bookingId"
   FROM "public"."booking_vendors" AS "t0"
   WHERE ("t0"."vendorId" = $1
     ${byStatus ? `AND "t0"."status" = CAST($4::text AS "public"."BookingVendorStatus")` : ''})
   ORDER BY "t0"."createdAt" DESC, "t0"."id" DESC LIMIT $2 OFFSET $3`;

interface PlanSummary {
  query: string;
  byDate: boolean;
  byStatus: boolean;
  seqScan: boolean;
  sort: string;
  indexRows: string;
  buffers: string;
  executionMs: number;
  text: string;
}

function summarize(query: string, text: string): PlanSummary {
  const buffers = /Buffers: (shared [^\n]*)/.exec(text)?.[1] ?? '';
  // The scan over booking_vendors is the deepest index node naming it: its actual rows.
  const scan =
    /(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)?(?: using| on) "booking_vendors_[^"]*"[^\n]*actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+)/.exec(
      text,
    );
  return {
    query,
    byDate: text.includes(`"${INDEX_BY_DATE}"`),
    byStatus: text.includes(`"${INDEX_BY_STATUS}"`),
    seqScan: /Seq Scan on booking_vendors/.test(text),
    sort: /Incremental Sort/.test(text) ? 'incremental' : /\bSort\b/.test(text) ? 'full' : 'none',
    indexRows: scan?.[1] ?? '-',
    buffers,
    executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN),
    text,
  };
}

async function explainInbox(appUrl: string, orgId: string, vendorId: string) {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  const explain = async (query: string, sql: string, params: unknown[]) => {
    await client.query('begin');
    try {
      await client.query(`select set_config('app.current_org_id', $1, true)`, [orgId]);
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        params,
      );
      return summarize(query, rows.map((r) => r['QUERY PLAN']).join('\n'));
    } finally {
      await client.query('rollback');
    }
  };
  try {
    const deepOffset = (DEEP_PAGE - 1) * PAGE_SIZE;
    const run = async () => [
      await explain('list, first page', INBOX_LIST_SQL(false), [vendorId, PAGE_SIZE, 0]),
      await explain('list, status=pending', INBOX_LIST_SQL(true), [
        vendorId,
        PAGE_SIZE,
        0,
        'pending',
      ]),
      await explain(`list, page ${DEEP_PAGE}`, INBOX_LIST_SQL(false), [
        vendorId,
        PAGE_SIZE,
        deepOffset,
      ]),
      await explain('count', INBOX_COUNT_SQL(false), [vendorId, 0]),
      await explain('count, status=pending', INBOX_COUNT_SQL(true), [vendorId, 0, 'pending']),
    ];
    await run(); // warm caches so the timings are the steady state the bench measured
    return await run();
  } finally {
    await client.end();
  }
}

type Harness = typeof harnessModule;
type InboxInput = Parameters<
  ReturnType<Harness['callerAs']>['marketplace']['vendor']['listInbox']
>[0];

async function benchInbox(appDb: Db, harness: Harness, email: string) {
  const caller = harness.callerAs(appDb, await harness.sessionFor(appDb, email));
  const variants: { label: string; input: InboxInput }[] = [
    { label: 'first page', input: { page: 1, pageSize: PAGE_SIZE } },
    {
      label: 'first page, status=pending',
      input: { status: 'pending', page: 1, pageSize: PAGE_SIZE },
    },
    { label: `page ${DEEP_PAGE} of ${PAGE_SIZE}`, input: { page: DEEP_PAGE, pageSize: PAGE_SIZE } },
  ];
  const results = [];
  for (const variant of variants) {
    const sample = await caller.marketplace.vendor.listInbox(variant.input);
    const call = async () => {
      await caller.marketplace.vendor.listInbox(variant.input);
    };
    await forDuration(2, CONNECTIONS, call); // warm-up: JIT, pool, caches
    const figures = await forDuration(DURATION_S, CONNECTIONS, call);
    results.push({ ...variant, total: sample.total, rows: sample.items.length, ...figures });
  }
  return results;
}

const benchStarted = performance.now();
runBench(
  { dataDir: 'bench-marketplace', port: 54341, cleanup },
  async ({ appUrl, owner, orgId: scope }) => {
    const { createDb, createRouterPool } = await import('@souk/db');
    const { planAllocation, drainProcessorEvents } = await import('@souk/core');
    const harness = await import('@souk/api/testing');
    console.log(`${os.cpus().length} CPUs, load average ${loadAverage()} at start`);
    const dbs: Db[] = [];
    try {
      let t0 = performance.now();
      await cleanup(owner, scope);
      const ids = await createPeople(owner, scope);
      console.log(
        `cleaned previous bench rows and created bench users in ${(performance.now() - t0).toFixed(0)} ms`,
      );

      // Both data sets first, so the vendor's 10,000 rows sit among everyone else's (about 4%
      // of booking_vendors), as in a marketplace with many vendors; the planner sees that too.
      t0 = performance.now();
      await insertInboxBookings(owner, scope, ids, INBOX_BOOKINGS);
      await insertPayableBookings(owner, scope, ids, WARM_BOOKINGS, PI_WARM_PREFIX);
      await insertPayableBookings(owner, scope, ids, PAID_BOOKINGS, PI_PREFIX);
      await owner.query('vacuum (analyze) bookings, booking_vendors, booking_payments');
      const warm = await loadPayable(owner, scope, PI_WARM_PREFIX);
      const payable = await loadPayable(owner, scope, PI_PREFIX);
      const vendorRows = payable.reduce((n, p) => n + p.agreed.length, 0);
      const { rows: sizes } = await owner.query<{ bookings: string; linkages: string }>(
        `select (select count(*) from bookings) as bookings,
              (select count(*) from booking_vendors) as linkages`,
      );
      console.log(
        `seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${fmt(INBOX_BOOKINGS)} bookings for the measured vendor ` +
          `(${fmt(INBOX_BOOKINGS * 2)} booking_vendors rows), ${fmt(payable.length)} bookings ready for payment ` +
          `(+${fmt(warm.length)} warm-up, ${fmt(vendorRows)} approved vendor rows); ` +
          `tables now hold ${fmt(Number(sizes[0]?.bookings))} bookings, ${fmt(Number(sizes[0]?.linkages))} booking_vendors rows`,
      );

      // 1. The vendor's booking list.
      console.log(
        `inbox: marketplace.vendor.inbox ${DURATION_S}s per variant, ${CONNECTIONS} concurrent callers…`,
      );
      const appDb = createDb(appUrl, { max: CONNECTIONS });
      dbs.push(appDb);
      const inbox = await benchInbox(appDb, harness, 'bench-vendor@bench.invalid');
      const plans = await explainInbox(appUrl, scope, ids.vendor);

      console.log('');
      console.log(
        `Vendor booking list, vendor with ${fmt(INBOX_BOOKINGS)} bookings (tRPC caller in-process, ${CONNECTIONS} concurrent, ${DURATION_S}s each)`,
      );
      console.table(
        inbox.map((r) => ({
          variant: r.label,
          total: r.total,
          rows: r.rows,
          requests: r.requests,
          'req/s': Math.round(r.rps),
          'p50 ms': ms(r.p50),
          'p99 ms': ms(r.p99),
          'max ms': ms(r.max),
        })),
      );
      console.log('EXPLAIN (ANALYZE, BUFFERS) of the SQL Prisma sends (app role, RLS on, warm):');
      console.table(
        plans.map((p) => ({
          query: p.query,
          '(org,vendor,createdAt)': p.byDate ? 'yes' : 'no',
          '(org,vendor,status,createdAt)': p.byStatus ? 'yes' : 'no',
          'seq scan': p.seqScan ? 'yes' : 'no',
          sort: p.sort,
          'index rows': p.indexRows,
          buffers: p.buffers,
          'exec ms': ms(p.executionMs),
        })),
      );
      const listPlan = plans[0];
      if (listPlan) {
        console.log(`plan of the main list query (${listPlan.query}):`);
        console.log(listPlan.text.replace(/^/gm, '  '));
      }
      const deep = plans[2];
      if (deep) {
        console.log(`plan of the deep page (${deep.query}):`);
        console.log(deep.text.replace(/^/gm, '  '));
      }

      // 2. Payout allocation through the handler.
      console.log('');
      console.log(
        `allocation: storing payment_intent.succeeded for ${fmt(payable.length)} bookings, then applying them with the applier…`,
      );
      const allocDb = createDb(appUrl, { max: ALLOCATION_CONCURRENCY });
      dbs.push(allocDb);
      // As the processor would deliver them: one payment_intent.succeeded per booking, stored
      // in the ledger (not timed), then applied by the worker's applier (timed).
      const eventsFor = (list: PayableBooking[], tag: string) =>
        list.map((p, i) =>
          JSON.stringify({
            id: `evt_bench_alloc_${tag}_${i}`,
            object: 'event',
            type: 'payment_intent.succeeded',
            created: Math.floor(Date.now() / 1000),
            data: {
              object: {
                id: p.paymentIntentId,
                object: 'payment_intent',
                status: 'succeeded',
                amount: p.amountCents,
                amount_received: p.amountCents,
                currency: 'usd',
                metadata: { orgId: scope, bookingId: p.bookingId, bookingPaymentId: p.paymentId },
              },
            },
          }),
        );
      const store = (bodies: string[]) => storeEvents(owner, scope, bodies);
      const router = createRouterPool(appUrl, { max: 2 });
      await store(eventsFor(warm, 'warm'));
      await drainProcessorEvents({ db: allocDb, router });
      await store(eventsFor(payable, 'run'));
      await owner.query('analyze processor_events');
      const run = await withRssSampling(() => drainProcessorEvents({ db: allocDb, router }));
      await router.end();
      const notApplied = Number(
        (
          await owner.query<{ n: string }>(
            `select count(*) as n from processor_events
           where starts_with("eventId", 'evt_bench_alloc_') and status <> 'processed'`,
          )
        ).rows[0]?.n,
      );

      // The pure split over the same bookings, in memory.
      const sharesOf = (p: PayableBooking) =>
        p.agreed.map((agreedAmountCents, k) => ({
          bookingVendorId: p.bookingVendorIds[k]!,
          agreedAmountCents,
        }));
      for (const w of warm)
        planAllocation(w.amountCents, sharesOf(w), COMMISSION_BPS, RESERVATION_BPS);
      const shares = payable.map(sharesOf);
      const pureStarted = performance.now();
      const plansInMemory = payable.map((p, i) =>
        planAllocation(p.amountCents, shares[i]!, COMMISSION_BPS, RESERVATION_BPS),
      );
      const pureMs = performance.now() - pureStarted;
      const pure = { gross: 0, commission: 0, net: 0, reservation: 0, completion: 0 };
      for (const plan of plansInMemory)
        for (const part of plan) {
          pure.gross += part.grossCents;
          pure.commission += part.commissionCents;
          pure.net += part.netCents;
          pure.reservation += part.reservationCents;
          pure.completion += part.completionCents;
        }

      const check = await inOrg(owner, scope, async (c) => {
        const { rows: agg } = await c.query<Record<string, string>>(
          `with p as (
           select id, "bookingId", "amountCents", status from booking_payments
           where "orgId" = $1 and starts_with("processorPaymentIntentId", $2)
         ), a as (
           select a.id, a."grossCents", a."commissionCents", a."netCents"
           from payout_allocations a join p on p.id = a."paymentId"
         ), po as (
           select o."allocationId", count(*) as n, sum(o."amountCents") as amount,
             sum(o."amountCents") filter (where o.milestone = 'reservation') as reservation,
             sum(o."amountCents") filter (where o.milestone = 'completion') as completion
           from payouts o join a on a.id = o."allocationId" group by o."allocationId"
         )
         select
           (select count(*) from p where status = 'succeeded') as succeeded,
           (select coalesce(sum("amountCents"), 0) from p where status = 'succeeded') as paid,
           (select count(*) from bookings b join p on p."bookingId" = b.id where b.status = 'paid') as bookings_paid,
           (select coalesce(sum(b."amountPaidCents"), 0) from bookings b join p on p."bookingId" = b.id) as booking_paid,
           (select count(*) from ledger_entries l join p on p.id = l."paymentId") as ledger_rows,
           (select count(*) from a) as allocations,
           (select coalesce(sum("grossCents"), 0) from a) as gross,
           (select coalesce(sum("commissionCents"), 0) from a) as commission,
           (select coalesce(sum("netCents"), 0) from a) as net,
           (select coalesce(sum(n), 0) from po) as payouts,
           (select count(*) from a left join po on po."allocationId" = a.id where coalesce(po.n, 0) <> 2) as not_two,
           (select count(*) from a join po on po."allocationId" = a.id where po.amount <> a."netCents") as net_split_off,
           (select coalesce(sum(reservation), 0) from po) as reservation,
           (select coalesce(sum(completion), 0) from po) as completion`,
          [scope, PI_PREFIX],
        );
        return Object.fromEntries(Object.entries(agg[0] ?? {}).map(([k, v]) => [k, Number(v)]));
      });
      const n = (k: string) => check[k] ?? NaN;

      const seconds = run.ms / 1000;
      console.log('');
      console.log(
        `Payout allocation over ${fmt(payable.length)} paid bookings (payment_intent.succeeded stored in the ledger, then applied by the applier)`,
      );
      console.log(
        `  wall ${seconds.toFixed(1)} s  ${Math.round(payable.length / seconds)} bookings/s  ` +
          `peak RSS ${mib(run.peak)} MiB (+${mib(run.peak - run.baseline)} MiB)  events not processed ${fmt(notApplied)}`,
      );
      console.log(
        `  pure planAllocation over the same ${fmt(payable.length)} bookings in memory: ${pureMs.toFixed(1)} ms`,
      );
      console.log(
        `  rows: ${fmt(n('succeeded'))} payments succeeded, ${fmt(n('bookings_paid'))} bookings paid, ${fmt(n('ledger_rows'))} ledger rows, ` +
          `${fmt(n('allocations'))} allocations (expected ${fmt(vendorRows)}), ${fmt(n('payouts'))} payouts`,
      );
      console.log(
        `  check sum(gross) = sum(paid)                    ${okOr(n('gross') === n('paid'))}  (${fmt(n('gross'))} vs ${fmt(n('paid'))} cents; bookings.amountPaidCents ${fmt(n('booking_paid'))})`,
      );
      console.log(
        `  check sum(commission) + sum(net) = sum(gross)  ${okOr(n('commission') + n('net') === n('gross'))}  (${fmt(n('commission'))} + ${fmt(n('net'))})`,
      );
      console.log(
        `  check payouts per allocation = 2               ${okOr(n('not_two') === 0 && n('payouts') === 2 * n('allocations'))}  (${fmt(n('not_two'))} allocations without exactly 2; ${fmt(n('net_split_off'))} whose payouts do not sum to net)`,
      );
      console.log(
        `  check pure plan totals = database totals        ${okOr(
          pure.gross === n('gross') &&
            pure.commission === n('commission') &&
            pure.net === n('net') &&
            pure.reservation === n('reservation') &&
            pure.completion === n('completion'),
        )}`,
      );

      console.log('');
      console.log(`load average ${loadAverage()} at the end`);
    } finally {
      for (const db of dbs) await db.$disconnect();
    }
    const t0 = performance.now();
    await cleanup(owner, scope);
    console.log(
      `cleanup ${((performance.now() - t0) / 1000).toFixed(1)} s; bench wall time ${((performance.now() - benchStarted) / 1000).toFixed(1)} s`,
    );
  },
);
