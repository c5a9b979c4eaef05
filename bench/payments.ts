// `pnpm bench:payments` (also run by `pnpm bench`): the payment-event ledger.
//   1. Ingest: signed deliveries through the worker process's HTTP route at concurrency 16 with 30%
//      duplicates, beside raw single-row `pg` insert transactions of as many rows, same run,
//      same database.
//   2. Applier: a burst of stored events (checkout.session.completed + payment_intent.succeeded
//      per checkout) applied by the applier; events/s and checks of the result.
//   3. Lag: deliveries at a steady rate (500/s) to a worker with its applier running;
//      receipt-to-applied p50/p99 from the ledger's own timestamps.
// Prints figures; asserts nothing. Not part of the test suite.
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  fmt,
  histogram,
  inOrg,
  loadAverage,
  mib,
  pool,
  repoRoot,
  runBench,
  storeEvents,
  withRssSampling,
} from './support';

const env = process.env;
const INGEST_EVENTS = Number(env.BENCH_INGEST_EVENTS ?? 6_000);
const BURST_EVENTS = Number(env.BENCH_BURST_EVENTS ?? 20_000);
const LAG_RATE = Number(env.BENCH_LAG_RATE ?? 500);
const LAG_SECONDS = Number(env.BENCH_LAG_SECONDS ?? 10);
const CONCURRENCY = 16;
const SECRET = 'whsec_bench_payments_secret';
const EMAIL_DOMAIN = '@bench-payments.invalid';
const EVENT_PREFIX = 'evt_benchpay_';
const TOTAL = 4900;

interface Checkout {
  orderId: string;
  invoiceId: string;
  sessionId: string;
}

/** Open checkouts (order, invoice, hosted session), set-based. */
async function insertCheckouts(owner: pg.Pool, orgId: string, prefix: string, count: number) {
  return inOrg(owner, orgId, async (c) => {
    const { rows } = await c.query<Checkout>(
      `with t as materialized (
         select i, gen_random_uuid() as order_id, gen_random_uuid() as invoice_id
         from generate_series(1, $2::int) i
       ), o as (
         insert into orders (id, "orgId", "customerEmail", currency, "subtotalCents", "taxCents",
                             "totalCents", "updatedAt")
         select order_id, $1::uuid, 'buyer' || i || '${EMAIL_DOMAIN}', 'USD', ${TOTAL}, 0, ${TOTAL}, now()
         from t
       ), inv as (
         insert into invoices (id, "orgId", "orderId", currency, "subtotalCents", "taxableSubtotalCents",
                               "taxCents", "taxRateBasis", "totalCents", "updatedAt")
         select invoice_id, $1::uuid, order_id, 'USD', ${TOTAL}, ${TOTAL}, 0, 0, ${TOTAL}, now() from t
       )
       insert into hosted_checkout_sessions (id, "orgId", "invoiceId", "processorSessionId", url,
                                             "amountCents", currency, "expiresAt", "updatedAt")
       select gen_random_uuid(), $1::uuid, invoice_id, $3 || i, 'https://checkout.stripe.test/' || i,
              ${TOTAL}, 'USD', now() + interval '1 day', now()
       from t
       returning (select order_id from t where t.invoice_id = "invoiceId") as "orderId",
                 "invoiceId", "processorSessionId" as "sessionId"`,
      [orgId, count, prefix],
    );
    return rows;
  });
}

/**
 * The worker as deployed: its own process (`src/main.ts` under tsx), so the route is not
 * sharing this process's one thread with the load generator.
 */
async function startWorkerProcess(ownerUrl: string, appUrl: string, applier: boolean) {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'apps/worker/src/main.ts')],
    {
      cwd: path.join(repoRoot, 'apps/worker'),
      env: {
        ...process.env,
        DATABASE_URL: ownerUrl,
        DATABASE_APP_URL: appUrl,
        WORKER_PORT: '0',
        JOBS_ENABLED: 'false',
        OUTBOX_DELIVERY_ENABLED: 'false',
        STRIPE_WEBHOOK_SECRET: SECRET,
        PAYMENT_EVENT_APPLIER_ENABLED: String(applier),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const found = /"port":(\d+)[^\n]*worker listening/.exec(out)?.[1];
      if (found) resolve(Number(found));
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${out}`)));
  });
  child.stdout.resume();
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

let seq = 0;
/** What the processor sends for one paid checkout: the session and its PaymentIntent. */
function paidCheckoutEvents(orgId: string, checkout: Checkout, created: number): string[] {
  const pi = `pi_benchpay_${checkout.invoiceId}`;
  const metadata = { orgId, invoiceId: checkout.invoiceId, orderId: checkout.orderId };
  const event = (type: string, object: Record<string, unknown>) =>
    JSON.stringify({
      id: `${EVENT_PREFIX}${String(++seq).padStart(9, '0')}`,
      object: 'event',
      type,
      created,
      livemode: false,
      data: { object },
    });
  return [
    event('payment_intent.succeeded', {
      id: pi,
      object: 'payment_intent',
      amount: TOTAL,
      amount_received: TOTAL,
      currency: 'usd',
      status: 'succeeded',
      metadata,
    }),
    event('checkout.session.completed', {
      id: checkout.sessionId,
      object: 'checkout.session',
      status: 'complete',
      payment_status: 'paid',
      payment_intent: pi,
      amount_total: TOTAL,
      currency: 'usd',
      metadata,
    }),
  ];
}

async function cleanup(owner: pg.Pool, orgId: string) {
  await inOrg(owner, orgId, async (c) => {
    await c.query(`delete from orders where "customerEmail" like '%${EMAIL_DOMAIN}'`);
    await c.query(`delete from processor_objects where starts_with(id, 'pi_benchpay_')`);
    await c.query(`delete from outbox_events where "createdAt" > now() - interval '1 day'
                   and topic = 'order.confirmation' and recipient like '%${EMAIL_DOMAIN}'`);
  });
  await owner.query(`delete from processor_events where starts_with("eventId", $1)`, [
    EVENT_PREFIX,
  ]);
  await owner.query('drop table if exists bench_raw_inserts');
}

runBench(
  { dataDir: 'bench-payments', port: 54342, cleanup },
  async ({ ownerUrl, appUrl, owner, orgId: org }) => {
    const { createDb, createRouterPool } = await import('@souk/db');
    const { drainProcessorEvents } = await import('@souk/core');
    const { signPayload } = await import('@souk/stripe-sandbox');
    await cleanup(owner, org);
    console.log(`${os.cpus().length} CPUs, load average ${loadAverage()} at start`);

    // 1. Ingest beside raw inserts --------------------------------------------------
    const ingestWorker = await startWorkerProcess(ownerUrl, appUrl, false);
    const ingestCheckouts = await insertCheckouts(owner, org, 'cs_benchpay_in_', INGEST_EVENTS / 2);
    const now = Math.floor(Date.now() / 1000);
    const unique = ingestCheckouts.flatMap((c) => paidCheckoutEvents(org, c, now));
    // 30% of the deliveries are repeats, spread through the run.
    const deliveries = [...unique];
    for (let i = 0; i < Math.round(unique.length * 0.3); i++) {
      deliveries.splice(Math.floor(Math.random() * deliveries.length), 0, unique[i % 97]!);
    }
    const signed = deliveries.map((body) => ({ body, signature: signPayload(body, SECRET) }));
    const url = `http://127.0.0.1:${ingestWorker.port}/webhooks/stripe`;
    const post = async (i: number) => {
      const d = signed[i]!;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': d.signature },
        body: d.body,
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`delivery answered ${res.status}`);
    };
    await pool(200, CONCURRENCY, (i) => post(i)); // warm-up on repeats of counted events
    await owner.query(`delete from processor_events where starts_with("eventId", $1)`, [
      EVENT_PREFIX,
    ]);
    console.log(
      `ingest: ${fmt(signed.length)} deliveries (${fmt(unique.length)} unique), ${CONCURRENCY} concurrent…`,
    );
    const ingest = await pool(signed.length, CONCURRENCY, (i) => post(i));
    const stored = Number(
      (
        await owner.query<{ n: string }>(
          `select count(*) as n from processor_events where starts_with("eventId", $1)`,
          [EVENT_PREFIX],
        )
      ).rows[0]?.n,
    );
    await ingestWorker.stop();

    const raw = new pg.Pool({ connectionString: ownerUrl, max: CONCURRENCY });
    await raw.query(`create table bench_raw_inserts (
      id bigserial primary key, event_id text unique, payload jsonb,
      created_at timestamptz default now())`);
    const insert = (id: string, body: string) =>
      raw.query('insert into bench_raw_inserts (event_id, payload) values ($1, $2)', [id, body]);
    await pool(CONCURRENCY * 5, CONCURRENCY, (i) => insert(`warm_${i}`, unique[0]!).then(() => {}));
    await raw.query('truncate bench_raw_inserts');
    const rawTiming = await pool(signed.length, CONCURRENCY, (i) =>
      insert(`raw_${i}`, signed[i]!.body).then(() => {}),
    );
    await raw.end();
    await owner.query(`delete from processor_events where starts_with("eventId", $1)`, [
      EVENT_PREFIX,
    ]);

    // 2. Applier over a burst of stored events ------------------------------------------
    const burstCheckouts = await insertCheckouts(owner, org, 'cs_benchpay_b_', BURST_EVENTS / 2);
    const burst = burstCheckouts.flatMap((c, i) =>
      paidCheckoutEvents(org, c, now - 3600 + Math.floor(i / 100)),
    );
    console.log(`applier: storing a burst of ${fmt(burst.length)} events…`);
    await storeEvents(owner, org, burst);
    await owner.query('analyze processor_events, invoices, orders, hosted_checkout_sessions');
    const db = createDb(appUrl, { max: 4 });
    const router = createRouterPool(appUrl, { max: 2 });
    console.log('applier: draining…');
    const applied = await withRssSampling(() => drainProcessorEvents({ db, router }));
    const check = await inOrg(owner, org, (c) =>
      c.query<{ paid: string; confirmations: string }>(
        `select (select count(*) from invoices i join hosted_checkout_sessions s on s."invoiceId" = i.id
                 where starts_with(s."processorSessionId", 'cs_benchpay_b_') and i.status = 'paid') as paid,
                (select count(*) from outbox_events where topic = 'order.confirmation'
                 and recipient like '%${EMAIL_DOMAIN}') as confirmations`,
      ),
    );

    // 3. Receipt-to-applied lag at a steady rate -------------------------------------------
    const lagWorker = await startWorkerProcess(ownerUrl, appUrl, true);
    const lagCount = LAG_RATE * LAG_SECONDS;
    const lagCheckouts = await insertCheckouts(owner, org, 'cs_benchpay_l_', lagCount / 2);
    const lagNow = Math.floor(Date.now() / 1000);
    const lagBodies = lagCheckouts
      .flatMap((c) => paidCheckoutEvents(org, c, lagNow))
      .map((body) => ({ body, signature: signPayload(body, SECRET) }));
    const lagUrl = `http://127.0.0.1:${lagWorker.port}/webhooks/stripe`;
    console.log(`lag: ${fmt(lagCount)} deliveries at ${LAG_RATE}/s with the applier running…`);
    const started = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < lagBodies.length; i++) {
      const due = started + (i * 1000) / LAG_RATE;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const d = lagBodies[i]!;
      sends.push(
        fetch(lagUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'stripe-signature': d.signature },
          body: d.body,
        }).then((res) => res.arrayBuffer().then(() => undefined)),
      );
    }
    await Promise.all(sends);
    const sendSeconds = (performance.now() - started) / 1000;
    const lagIds = lagBodies.map((d) => (JSON.parse(d.body) as { id: string }).id);
    const deadline = Date.now() + 600_000;
    while (Date.now() < deadline) {
      const { rows } = await owner.query<{ n: string }>(
        `select count(*) as n from processor_events where "eventId" = any($1) and status <> 'processed'`,
        [lagIds],
      );
      if (Number(rows[0]?.n) === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await lagWorker.stop();
    const lagRows = await owner.query<{ ms: number }>(
      `select extract(epoch from ("processedAt" - "receivedAt")) * 1000 as ms
       from processor_events where "eventId" = any($1) and "processedAt" is not null`,
      [lagIds],
    );
    const lagHist = histogram();
    for (const row of lagRows.rows) lagHist.recordValue(Math.max(1, Math.round(row.ms * 1000)));
    await db.$disconnect();
    await router.end();

    // Figures ------------------------------------------------------------------------
    const ingestPerS = signed.length / ingest.seconds;
    const rawPerS = signed.length / rawTiming.seconds;
    const burstPerS = burst.length / (applied.ms / 1000);
    console.log('');
    console.log(
      `ingest   ${fmt(signed.length)} deliveries (${fmt(stored)} stored)  ${Math.round(ingestPerS)} deliveries/s  ${Math.round(stored / ingest.seconds)} unique/s  p50 ${ingest.p50.toFixed(2)} ms  p99 ${ingest.p99.toFixed(2)} ms`,
    );
    console.log(
      `raw      ${fmt(signed.length)} single-row insert transactions  ${Math.round(rawPerS)}/s  p50 ${rawTiming.p50.toFixed(2)} ms  p99 ${rawTiming.p99.toFixed(2)} ms`,
    );
    console.log(
      `ingest / raw = ${(ingestPerS / rawPerS).toFixed(2)}x   (target >= 0.5x: ${ingestPerS / rawPerS >= 0.5 ? 'met' : 'not met'})`,
    );
    console.log(
      `applier  ${fmt(burst.length)} events  ${(applied.ms / 1000).toFixed(1)} s  ${Math.round(burstPerS)} events/s  peak RSS ${mib(applied.peak)} MiB (+${mib(applied.peak - applied.baseline)})  invoices paid ${fmt(Number(check.rows[0]?.paid))}/${fmt(burstCheckouts.length)}  confirmations ${fmt(Number(check.rows[0]?.confirmations))}   (target >= 2,000/s: ${burstPerS >= 2000 ? 'met' : 'not met'})`,
    );
    const p99 = lagHist.getValueAtPercentile(99) / 1000;
    console.log(
      `lag      ${fmt(lagRows.rows.length)} events sent in ${sendSeconds.toFixed(1)} s  receipt-to-applied p50 ${(lagHist.getValueAtPercentile(50) / 1000).toFixed(0)} ms  p99 ${p99.toFixed(0)} ms  max ${(lagHist.maxValue / 1000).toFixed(0)} ms   (target p99 <= 1,000 ms: ${p99 <= 1000 ? 'met' : 'not met'})`,
    );
    console.log(`load average ${loadAverage()} at the end`);
    await cleanup(owner, org);
  },
);
