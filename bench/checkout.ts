// `pnpm bench:checkout` (also run by `pnpm bench`): the hosted-session sweep over a large
// number of open sessions: wall time, counts and peak RSS, then a second (idempotent)
// sweep. Webhook ingest and the applier are measured by bench/payments.ts.
// Prints figures; asserts nothing. Not part of the test suite.
import type pg from 'pg';
import { fmt, inOrg, mib, runBench, withRssSampling } from './support';

const SWEEP_SESSIONS = Number(process.env.BENCH_SWEEP_SESSIONS ?? 100_000);
// Every row this bench creates is recognisable, so a rerun (or a shared DATABASE_URL) starts clean.
const EMAIL_DOMAIN = '@bench.invalid';
const EVENT_PREFIX = 'evt_bench_';

/**
 * Open hosted sessions with their orders and invoices, set-based. `mix` spreads them
 * over the sweep's cases: half past expiry, a quarter created over 30 min ago and
 * still valid (abandoned), a quarter fresh; otherwise every session is fresh.
 */
async function insertSessions(
  owner: pg.Pool,
  orgId: string,
  prefix: string,
  count: number,
  now: Date,
  mix: boolean,
): Promise<void> {
  await inOrg(owner, orgId, (client) =>
    client.query(
      `with b as materialized (
         select i, gen_random_uuid() as order_id, gen_random_uuid() as invoice_id,
           case when not $5::boolean then 'fresh'
                when i % 4 in (0, 1) then 'expired'
                when i % 4 = 2 then 'stale'
                else 'fresh' end as kind
         from generate_series(1, $2::int) i
       ), t as materialized (
         select b.*,
           case kind when 'expired' then $3::timestamp - interval '25 hours'
                     when 'stale' then $3::timestamp - interval '2 hours'
                     else $3::timestamp - interval '1 minute' end as created,
           case kind when 'expired' then $3::timestamp - interval '1 hour'
                     when 'stale' then $3::timestamp + interval '22 hours'
                     else $3::timestamp + interval '24 hours' end as expires
         from b
       ), o as (
         insert into orders (id, "orgId", "customerEmail", currency, "subtotalCents", "taxCents",
                             "totalCents", "createdAt", "updatedAt")
         select order_id, $1::uuid, 'buyer' || i || '${EMAIL_DOMAIN}', 'USD', 4900, 0, 4900, created, created
         from t
       ), inv as (
         insert into invoices (id, "orgId", "orderId", currency, "subtotalCents", "taxableSubtotalCents",
                               "taxCents", "taxRateBasis", "totalCents", "issuedAt", "createdAt", "updatedAt")
         select invoice_id, $1::uuid, order_id, 'USD', 4900, 4900, 0, 0, 4900, created, created, created
         from t
       )
       insert into hosted_checkout_sessions (id, "orgId", "invoiceId", "processorSessionId", url,
                                             "amountCents", currency, "expiresAt", "createdAt", "updatedAt")
       select gen_random_uuid(), $1::uuid, invoice_id, $4 || i,
              'https://checkout.stripe.test/c/pay/' || $4 || i, 4900, 'USD', expires, created, created
       from t`,
      [orgId, count, now.toISOString(), prefix, mix],
    ),
  );
}

async function cleanup(owner: pg.Pool, orgId: string): Promise<void> {
  await inOrg(owner, orgId, async (client) => {
    // Invoices and sessions go with their orders (ON DELETE CASCADE).
    await client.query(
      `delete from orders where "orgId" = $1 and "customerEmail" like '%${EMAIL_DOMAIN}'`,
      [orgId],
    );
    await client.query(`delete from processor_events where starts_with("eventId", $1)`, [
      EVENT_PREFIX,
    ]);
  });
  await owner.query('drop table if exists bench_raw_inserts');
}

runBench({ dataDir: 'bench-checkout', port: 54340, cleanup }, async ({ appUrl, owner, orgId }) => {
  const { createDb, withOrg } = await import('@souk/db');
  const { sweepHostedSessions } = await import('@souk/core');
  await cleanup(owner, orgId);

  // 2. The sweep.
  console.log(`sweep: inserting ${fmt(SWEEP_SESSIONS)} open hosted sessions…`);
  const now = new Date();
  await insertSessions(owner, orgId, 'cs_bench_sw_', SWEEP_SESSIONS, now, true);
  await owner.query('analyze orders, invoices, hosted_checkout_sessions');
  const db = createDb(appUrl, { max: 2 });
  try {
    await withOrg(db, orgId, (tx) => tx.$queryRaw`select 1`); // connect outside the timing
    const sweepNow = new Date();
    const first = await withRssSampling(() =>
      withOrg(db, orgId, (tx) => sweepHostedSessions({ tx, now: sweepNow }), {
        timeoutMs: 600_000,
      }),
    );
    const second = await withRssSampling(() =>
      withOrg(db, orgId, (tx) => sweepHostedSessions({ tx, now: new Date() }), {
        timeoutMs: 600_000,
      }),
    );

    console.log('');
    console.log(
      `sweep ${fmt(SWEEP_SESSIONS)} sessions  ${first.ms.toFixed(0)} ms  expired ${fmt(first.result.expired)}  abandoned ${fmt(first.result.abandoned)}  peak RSS ${mib(first.peak)} MiB (+${mib(first.peak - first.baseline)} MiB)`,
    );
    const changed = second.result.expired + second.result.abandoned;
    console.log(
      `second sweep  ${fmt(changed)} rows  ${second.ms.toFixed(0)} ms  peak RSS ${mib(second.peak)} MiB (+${mib(second.peak - second.baseline)} MiB)`,
    );
  } finally {
    await db.$disconnect();
  }
  await cleanup(owner, orgId);
});
