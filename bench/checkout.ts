// `pnpm bench:checkout` (also run by `pnpm bench`): the checkout/payment paths.
//   1. Stripe webhook ingest through the in-process worker (verify, ledger, apply)
//      beside raw single-row `pg` inserts of as many rows, same run, same database.
//   2. The hosted-session sweep over a large number of open sessions: wall time,
//      counts and peak RSS, then a second (idempotent) sweep.
// Prints figures; asserts nothing. Not part of the test suite.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fmt, mib, pool, withRssSampling } from './support';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const WEBHOOK_EVENTS = Number(env.BENCH_WEBHOOK_EVENTS ?? 2000);
const SWEEP_SESSIONS = Number(env.BENCH_SWEEP_SESSIONS ?? 100_000);
const CONCURRENCY = Number(env.BENCH_CONNECTIONS ?? 10);
const SECRET = 'whsec_bench_checkout_secret';
// Every row this bench creates is recognisable, so a rerun (or a shared DATABASE_URL) starts clean.
const EMAIL_DOMAIN = '@bench.invalid';
const EVENT_PREFIX = 'evt_bench_';

interface Figures {
  label: string;
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
}

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
  const client = await owner.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.current_org_id', $1, true)`, [orgId]);
    await client.query(
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
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

async function cleanup(owner: pg.Pool, orgId: string): Promise<void> {
  const client = await owner.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.current_org_id', $1, true)`, [orgId]);
    // Invoices and sessions go with their orders (ON DELETE CASCADE).
    await client.query(
      `delete from orders where "orgId" = $1 and "customerEmail" like '%${EMAIL_DOMAIN}'`,
      [orgId],
    );
    await client.query(`delete from processor_events where starts_with("eventId", $1)`, [
      EVENT_PREFIX,
    ]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  await owner.query('drop table if exists bench_raw_inserts');
}

function expiredEvent(i: number, orgId: string, sessionId: string, invoiceId?: string): string {
  return JSON.stringify({
    id: `${EVENT_PREFIX}${i}`,
    object: 'event',
    type: 'checkout.session.expired',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        status: 'expired',
        mode: 'payment',
        amount_total: 4900,
        currency: 'usd',
        metadata: invoiceId ? { orgId, invoiceId } : { orgId },
      },
    },
  });
}

async function benchWebhook(
  owner: pg.Pool,
  orgId: string,
  port: number,
  signPayload: (payload: string, secret: string) => string,
): Promise<{ figures: Figures; non200: number; processed: number; bodies: string[] }> {
  const url = `http://127.0.0.1:${port}/webhooks/stripe`;
  const post = (body: string) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signPayload(body, SECRET),
      },
      body,
    });

  // Warm-up (JIT, pools) on sessions and events that are not counted.
  const warm = Math.min(100, Math.max(10, Math.floor(WEBHOOK_EVENTS / 20)));
  await insertSessions(owner, orgId, 'cs_bench_warm_', warm, new Date(), false);
  await pool(warm, CONCURRENCY, async (i) => {
    const res = await post(expiredEvent(i + 1_000_000_000, orgId, `cs_bench_warm_${i + 1}`));
    await res.arrayBuffer();
  });

  await insertSessions(owner, orgId, 'cs_bench_wh_', WEBHOOK_EVENTS, new Date(), false);
  const invoices = await owner.query<{ sid: string; invoiceId: string }>(
    `select "processorSessionId" as sid, "invoiceId" from hosted_checkout_sessions
     where starts_with("processorSessionId", 'cs_bench_wh_')`,
  );
  const invoiceOf = new Map(invoices.rows.map((r) => [r.sid, r.invoiceId]));
  const bodies = Array.from({ length: WEBHOOK_EVENTS }, (_, i) =>
    expiredEvent(i + 1, orgId, `cs_bench_wh_${i + 1}`, invoiceOf.get(`cs_bench_wh_${i + 1}`)),
  );
  let non200 = 0;
  let notProcessed = 0;
  const timing = await pool(WEBHOOK_EVENTS, CONCURRENCY, async (i) => {
    const res = await post(bodies[i] ?? '');
    const json = (await res.json()) as { status?: string };
    if (res.status !== 200) non200 += 1;
    else if (json.status !== 'processed') notProcessed += 1;
  });
  if (notProcessed > 0) console.warn(`${notProcessed} webhook responses were not "processed"`);
  const { rows } = await owner.query<{ processed: string }>(
    `select count(*) filter (where status = 'processed') as processed
     from processor_events where starts_with("eventId", $1) and "eventId" <> all($2)`,
    [EVENT_PREFIX, Array.from({ length: warm }, (_, i) => `${EVENT_PREFIX}${i + 1_000_000_000}`)],
  );
  return {
    figures: {
      label: 'webhook ingest (worker HTTP)',
      count: WEBHOOK_EVENTS,
      perSecond: WEBHOOK_EVENTS / timing.seconds,
      p50: timing.p50,
      p99: timing.p99,
    },
    non200,
    processed: Number(rows[0]?.processed ?? 0),
    bodies,
  };
}

async function benchRawInserts(ownerUrl: string, bodies: string[]): Promise<Figures> {
  const raw = new pg.Pool({ connectionString: ownerUrl, max: CONCURRENCY });
  try {
    await raw.query(`create table if not exists bench_raw_inserts (
      id bigserial primary key, event_id text unique, payload jsonb,
      created_at timestamptz default now())`);
    await raw.query('truncate bench_raw_inserts');
    // Warm-up: one connection per slot, then start from an empty table again.
    await pool(CONCURRENCY * 5, CONCURRENCY, async (i) => {
      await raw.query('insert into bench_raw_inserts (event_id, payload) values ($1, $2)', [
        `warm_${i}`,
        bodies[0] ?? '{}',
      ]);
    });
    await raw.query('truncate bench_raw_inserts');
    const timing = await pool(bodies.length, CONCURRENCY, async (i) => {
      await raw.query('insert into bench_raw_inserts (event_id, payload) values ($1, $2)', [
        `raw_${i}`,
        bodies[i] ?? '{}',
      ]);
    });
    return {
      label: 'raw pg single-row insert',
      count: bodies.length,
      perSecond: bodies.length / timing.seconds,
      p50: timing.p50,
      p99: timing.p99,
    };
  } finally {
    await raw.end();
  }
}

/** Samples RSS every 20 ms while `fn` runs. */
async function main(): Promise<void> {
  // Its own data dir and port: never touches a running `pnpm start` or the catalog bench.
  env.SOUK_DATA_DIR ??= path.join(root, '.data/bench-checkout');
  env.EMBEDDED_PG_PORT ??= '54340';
  const admin = await import('@souk/db/admin');
  const { seed } = await import('@souk/db/seed');
  const { appDatabaseUrl, createDb, withOrg } = await import('@souk/db');
  const { sweepHostedSessions } = await import('@souk/core');
  const { signPayload } = await import('@souk/stripe-sandbox');
  // A bench script measures the worker as deployed; nothing in the product imports apps/.
  const { startWorker } = await import('../apps/worker/src/server');

  const database = await admin.resolveOwnerUrl();
  let owner: pg.Pool | undefined;
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  let db: ReturnType<typeof createDb> | undefined;
  let orgId: string | undefined;
  try {
    await admin.migrateAndBootstrap(database.ownerUrl);
    await seed(database.ownerUrl);
    const appUrl = appDatabaseUrl(database.ownerUrl);
    owner = new pg.Pool({ connectionString: database.ownerUrl, max: 4 });
    const { rows } = await owner.query<{ id: string }>(
      `select id from organizations where slug = 'demo'`,
    );
    orgId = rows[0]?.id;
    if (!orgId) throw new Error('demo org missing');
    await cleanup(owner, orgId);

    // 1. Webhook ingest beside raw inserts.
    worker = await startWorker({
      ownerUrl: database.ownerUrl,
      appUrl,
      port: 0,
      host: '127.0.0.1',
      jobsEnabled: false,
      logLevel: 'silent',
      webhookSecrets: [SECRET],
    });
    console.log(
      `webhook ingest: ${fmt(WEBHOOK_EVENTS)} signed checkout.session.expired events, ${CONCURRENCY} concurrent…`,
    );
    const webhook = await benchWebhook(owner, orgId, worker.port, signPayload);
    await worker.stop();
    worker = undefined;
    const raw = await benchRawInserts(database.ownerUrl, webhook.bodies);

    // 2. The sweep.
    console.log(`sweep: inserting ${fmt(SWEEP_SESSIONS)} open hosted sessions…`);
    const now = new Date();
    await insertSessions(owner, orgId, 'cs_bench_sw_', SWEEP_SESSIONS, now, true);
    await owner.query('analyze orders, invoices, hosted_checkout_sessions');
    db = createDb(appUrl, { max: 2 });
    const appDb = db;
    const scope = orgId;
    await withOrg(appDb, scope, (tx) => tx.$queryRaw`select 1`); // connect outside the timing
    const sweepNow = new Date();
    const first = await withRssSampling(() =>
      withOrg(appDb, scope, (tx) => sweepHostedSessions({ tx, now: sweepNow }), {
        timeoutMs: 600_000,
      }),
    );
    const second = await withRssSampling(() =>
      withOrg(appDb, scope, (tx) => sweepHostedSessions({ tx, now: new Date() }), {
        timeoutMs: 600_000,
      }),
    );

    console.log('');
    console.table(
      [webhook.figures, raw].map((f) => ({
        path: f.label,
        count: f.count,
        'per s': Math.round(f.perSecond),
        'p50 ms': f.p50.toFixed(2),
        'p99 ms': f.p99.toFixed(2),
      })),
    );
    const w = webhook.figures;
    const allOk = webhook.non200 === 0 ? 'all 200' : `${webhook.non200} non-200`;
    console.log(
      `webhook ingest  ${fmt(w.count)} events  ${Math.round(w.perSecond)} ev/s  p50 ${w.p50.toFixed(2)} ms  p99 ${w.p99.toFixed(2)} ms  (${allOk}, ${fmt(webhook.processed)} processed)`,
    );
    console.log(
      `raw insert      ${fmt(raw.count)} rows    ${Math.round(raw.perSecond)} rows/s  p50 ${raw.p50.toFixed(2)} ms  p99 ${raw.p99.toFixed(2)} ms`,
    );
    console.log(`ratio raw/webhook  ${(raw.perSecond / w.perSecond).toFixed(2)}x`);
    console.log(
      `sweep ${fmt(SWEEP_SESSIONS)} sessions  ${first.ms.toFixed(0)} ms  expired ${fmt(first.result.expired)}  abandoned ${fmt(first.result.abandoned)}  peak RSS ${mib(first.peak)} MiB (+${mib(first.peak - first.baseline)} MiB)`,
    );
    const changed = second.result.expired + second.result.abandoned;
    console.log(
      `second sweep  ${fmt(changed)} rows  ${second.ms.toFixed(0)} ms  peak RSS ${mib(second.peak)} MiB (+${mib(second.peak - second.baseline)} MiB)`,
    );
  } finally {
    await worker?.stop();
    await db?.$disconnect();
    if (owner) {
      if (orgId) await cleanup(owner, orgId).catch((e: unknown) => console.error(e));
      await owner.end();
    }
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
