// `pnpm bench:reconcile` (also run by `pnpm bench`): one reconciliation run (core
// runReconciliation, page size 100) over 100,000 processor objects of one org — paid
// checkout sessions, PaymentIntents, charges and refunds in a sandbox of its own process —
// against Souk's matching rows, with a few disagreements of each kind planted. The same
// run over 10,000 objects first is the baseline: time per object and heap growth are
// printed as ratios to it (flat memory = the same growth at ten times the objects).
// Asserts that each run completed, saw every object and found exactly the planted
// disagreements; prints the figures. Not part of the test suite.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type pg from 'pg';
import { fmt, inOrg, loadAverage, mib, repoRoot, runBench } from './support';

const FULL = Number(process.env.BENCH_RECONCILE_OBJECTS ?? 100_000);
const BASE = Math.max(1_000, Math.round(FULL / 10));
const PAGE = 100;
const EMAIL_DOMAIN = '@bench-reconcile.invalid';

interface Made {
  sessions: { id: string; paymentIntentId: string; amount: number }[];
  intents: { id: string; amount: number }[];
  refunds: { id: string; paymentIntentId: string; amount: number }[];
}

/** The sandbox child, filled for `orgId`: objects = sessions + 4 × intents' tenth + refunds. */
async function startFilledSandbox(orgId: string, objects: number, outFile: string) {
  const tenth = Math.round(objects / 10);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(repoRoot, 'bench/reconcile-sandbox.ts'),
      outFile,
      orgId,
      String(tenth), // sessions: a session, its PaymentIntent and its charge each
      String(tenth * 3), // PaymentIntents: an intent and its charge each
      String(tenth), // refunds
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (l) => {
      if (l.startsWith('sandbox ')) resolve(l);
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  const [, url, apiKey] = line.split(' ');
  return { child, url: url!, apiKey: apiKey! };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Souk's side, set-based: an order, invoice and payment for every PaymentIntent, the hosted
 * session for every checkout session, a refund row for every refund — except the planted
 * disagreements, whose count is returned.
 */
async function insertLocal(owner: pg.Pool, orgId: string, made: Made): Promise<number> {
  const plant = Math.max(1, Math.round((made.intents.length * 10) / 3 / 2000));
  const intents = [
    ...made.sessions.map((s) => ({ id: s.paymentIntentId, amount: s.amount })),
    ...made.intents,
  ];
  // Planted: `2 × plant` intents without a local payment (missing locally) and with another
  // amount; `plant` sessions still open, refunds without a row, payments Stripe never saw.
  const missing = new Set(made.intents.slice(0, 2 * plant).map((i) => i.id));
  const mismatched = new Set(made.intents.slice(2 * plant, 4 * plant).map((i) => i.id));
  const kept = intents.filter((i) => !missing.has(i.id));
  await inOrg(owner, orgId, (client) =>
    client.query(
      `with b as materialized (
         select pi, cents, i, gen_random_uuid() as order_id, gen_random_uuid() as invoice_id,
                gen_random_uuid() as payment_id
         from unnest($2::text[], $3::int[]) with ordinality as t(pi, cents, i)
       ), o as (
         insert into orders (id, "orgId", "customerEmail", status, currency, "subtotalCents",
                             "taxCents", "totalCents", "paidAt", "createdAt", "updatedAt")
         select order_id, $1::uuid, 'buyer' || i || '${EMAIL_DOMAIN}', 'paid', 'USD', cents, 0,
                cents, now(), now(), now()
         from b
       ), inv as (
         insert into invoices (id, "orgId", "orderId", status, currency, "subtotalCents",
                               "taxableSubtotalCents", "taxCents", "taxRateBasis", "totalCents",
                               "amountPaidCents", "issuedAt", "paidAt", "createdAt", "updatedAt")
         select invoice_id, $1::uuid, order_id, 'paid', 'USD', cents, cents, 0, 0, cents, cents,
                now(), now(), now(), now()
         from b
       )
       insert into payments (id, "orgId", "invoiceId", "processorPaymentIntentId", "amountCents",
                             currency, status, "createdAt", "updatedAt")
       select payment_id, $1::uuid, invoice_id, pi,
              cents + case when pi = any($4::text[]) then 1 else 0 end, 'USD', 'succeeded',
              now(), now()
       from b`,
      [orgId, kept.map((i) => i.id), kept.map((i) => i.amount), [...mismatched]],
    ),
  );
  const openSessions = new Set(made.sessions.slice(0, plant).map((s) => s.id));
  await inOrg(owner, orgId, (client) =>
    client.query(
      `insert into hosted_checkout_sessions (id, "orgId", "invoiceId", "processorSessionId", url,
                                             status, "amountCents", currency, "expiresAt",
                                             "completedAt", "createdAt", "updatedAt")
       select gen_random_uuid(), $1::uuid, p."invoiceId", s.id,
              'https://checkout.stripe.test/c/pay/' || s.id,
              (case when s.id = any($4::text[]) then 'open' else 'completed' end)::"HostedSessionStatus",
              p."amountCents", 'USD', now() + interval '1 day',
              case when s.id = any($4::text[]) then null else now() end, now(), now()
       from unnest($2::text[], $3::text[]) as s(id, pi)
       join payments p on p."processorPaymentIntentId" = s.pi`,
      [
        orgId,
        made.sessions.map((s) => s.id),
        made.sessions.map((s) => s.paymentIntentId),
        [...openSessions],
      ],
    ),
  );
  // Refunds of intents that have a local payment; `plant` of them left without a row.
  const refundable = made.refunds.filter((r) => !missing.has(r.paymentIntentId));
  const withRow = refundable.slice(plant);
  await inOrg(owner, orgId, (client) =>
    client.query(
      `insert into refunds (id, "orgId", "orderId", "paymentId", "amountCents", currency, reason,
                            status, "idempotencyKey", "processorRefundId", "createdAt", "updatedAt")
       select gen_random_uuid(), $1::uuid, i."orderId", p.id, r.cents, 'USD',
              'requested_by_customer', 'succeeded', 'refund_benchrec_' || r.id, r.id, now(), now()
       from unnest($2::text[], $3::text[], $4::int[]) as r(id, pi, cents)
       join payments p on p."processorPaymentIntentId" = r.pi
       join invoices i on i.id = p."invoiceId"`,
      [
        orgId,
        withRow.map((r) => r.id),
        withRow.map((r) => r.paymentIntentId),
        withRow.map((r) => r.amount),
      ],
    ),
  );
  // Payments Souk counts as paid that the processor never had.
  await inOrg(owner, orgId, (client) =>
    client.query(
      `with b as materialized (
         select i, gen_random_uuid() as order_id, gen_random_uuid() as invoice_id
         from generate_series(1, $2::int) i
       ), o as (
         insert into orders (id, "orgId", "customerEmail", status, currency, "subtotalCents",
                             "taxCents", "totalCents", "paidAt", "createdAt", "updatedAt")
         select order_id, $1::uuid, 'ghost' || i || '${EMAIL_DOMAIN}', 'paid', 'USD', 5000, 0,
                5000, now(), now(), now()
         from b
       ), inv as (
         insert into invoices (id, "orgId", "orderId", status, currency, "subtotalCents",
                               "taxableSubtotalCents", "taxCents", "taxRateBasis", "totalCents",
                               "amountPaidCents", "issuedAt", "paidAt", "createdAt", "updatedAt")
         select invoice_id, $1::uuid, order_id, 'paid', 'USD', 5000, 5000, 0, 0, 5000, 5000,
                now(), now(), now(), now()
         from b
       )
       insert into payments (id, "orgId", "invoiceId", "processorPaymentIntentId", "amountCents",
                             currency, status, "createdAt", "updatedAt")
       select gen_random_uuid(), $1::uuid, invoice_id, 'pi_benchrec_ghost_' || i || '_' || $1,
              5000, 'USD', 'succeeded', now(), now()
       from b`,
      [orgId, plant],
    ),
  );
  // missing (2p) + amount (2p) + open sessions (p) + refunds (p) + unknown (p)
  return 7 * plant;
}

interface Figures {
  objects: number;
  seconds: number;
  perSecond: number;
  heapBaseline: number;
  heapPeakGrowth: number;
  /** Heap still held after the run and a full GC. */
  heapRetained: number;
  rssPeakGrowth: number;
  found: number;
  expected: number;
  checkpoints: number;
}

async function reconcileOnce(
  owner: pg.Pool,
  appUrl: string,
  objects: number,
  scratch: string,
): Promise<Figures> {
  const { createDb } = await import('@souk/db');
  const { createOrgScope, runReconciliation } = await import('@souk/core');
  const { createStripeGateway } = await import('@souk/payments');
  const slug = `bench-reconcile-${objects}`;
  await owner.query(`delete from organizations where slug = $1`, [slug]);
  const { rows } = await owner.query<{ id: string }>(
    `insert into organizations (id, slug, name, "updatedAt")
     values (gen_random_uuid(), $1, $2, now()) returning id`,
    [slug, `Bench reconcile ${fmt(objects)}`],
  );
  const orgId = rows[0]!.id;
  const outFile = path.join(scratch, `${slug}.json`);
  console.log(`reconcile: filling the sandbox with ${fmt(objects)} objects…`);
  const fillStarted = performance.now();
  const sandbox = await startFilledSandbox(orgId, objects, outFile);
  const expected = await insertLocal(
    owner,
    orgId,
    JSON.parse(readFileSync(outFile, 'utf8')) as Made,
  );
  await owner.query('analyze payments, refunds, hosted_checkout_sessions, processor_objects');
  console.log(
    `filled and inserted Souk's rows in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`,
  );
  const db = createDb(appUrl, { max: 4 });
  try {
    const gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
    const scope = createOrgScope({ db, orgId, gateway });
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBaseline = process.memoryUsage().heapUsed;
    const rssBaseline = process.memoryUsage().rss;
    let heapPeak = heapBaseline;
    let rssPeak = rssBaseline;
    const timer = setInterval(() => {
      const m = process.memoryUsage();
      heapPeak = Math.max(heapPeak, m.heapUsed);
      rssPeak = Math.max(rssPeak, m.rss);
    }, 25);
    const started = performance.now();
    const byKind: Record<string, { pages: number; ms: number }> = {};
    let last = started;
    const run = await runReconciliation({
      scope,
      trigger: 'cli',
      hours: 24,
      limit: PAGE,
      afterPage: ({ kind }) => {
        const now = performance.now();
        const entry = (byKind[kind] ??= { pages: 0, ms: 0 });
        entry.pages += 1;
        entry.ms += now - last;
        last = now;
      },
    }).finally(() => clearInterval(timer));
    const perPage = Object.entries(byKind)
      .map(([kind, e]) => `${kind} ${(e.ms / e.pages).toFixed(1)} ms × ${e.pages}`)
      .join(', ');
    console.log(`ms per page (list call + compare + checkpoint): ${perPage}`);
    const seconds = (performance.now() - started) / 1000;
    gc?.();
    const heapRetained = process.memoryUsage().heapUsed - heapBaseline;
    const checkpoints = Array.isArray(run.checkpoints) ? run.checkpoints.length : -1;
    if (run.status !== 'completed') throw new Error(`run ${run.status}: ${run.error}`);
    if (run.objectsSeen !== objects) {
      throw new Error(`saw ${run.objectsSeen} objects, made ${objects}`);
    }
    if (run.discrepanciesFound !== expected) {
      throw new Error(`found ${run.discrepanciesFound} disagreements, planted ${expected}`);
    }
    const figures: Figures = {
      objects,
      seconds,
      perSecond: objects / seconds,
      heapBaseline,
      heapPeakGrowth: heapPeak - heapBaseline,
      heapRetained,
      rssPeakGrowth: rssPeak - rssBaseline,
      found: run.discrepanciesFound,
      expected,
      checkpoints,
    };
    return figures;
  } finally {
    await db.$disconnect();
    await stop(sandbox.child);
    await owner.query(`delete from organizations where id = $1`, [orgId]);
  }
}

async function cleanup(owner: pg.Pool): Promise<void> {
  await owner.query(`delete from organizations where slug like 'bench-reconcile-%'`);
}

runBench({ dataDir: 'bench-reconcile', port: 54379, cleanup }, async ({ appUrl, owner }) => {
  await cleanup(owner);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'souk-bench-reconcile-'));
  try {
    const base = await reconcileOnce(owner, appUrl, BASE, scratch);
    const full = await reconcileOnce(owner, appUrl, FULL, scratch);
    console.log('');
    console.log(`page size ${PAGE}; load ${loadAverage()}`);
    console.table(
      [base, full].map((f) => ({
        objects: fmt(f.objects),
        seconds: f.seconds.toFixed(1),
        'objects/s': fmt(Math.round(f.perSecond)),
        'heap growth MiB (peak)': mib(f.heapPeakGrowth),
        'heap retained MiB': mib(f.heapRetained),
        'RSS growth MiB (peak)': mib(f.rssPeakGrowth),
        'found / planted': `${f.found} / ${f.expected}`,
        checkpoints: f.checkpoints,
      })),
    );
    console.log(
      `${fmt(full.objects)} vs ${fmt(base.objects)} objects: time per object ×${(
        full.seconds /
        full.objects /
        (base.seconds / base.objects)
      ).toFixed(2)}, peak heap growth ×${(full.heapPeakGrowth / base.heapPeakGrowth).toFixed(
        2,
      )} (flat memory: about ×1 for ten times the objects)`,
    );
    console.log(
      `target: ${fmt(full.objects)} processor objects reconciled with flat memory — ${
        full.heapPeakGrowth < 4 * Math.max(base.heapPeakGrowth, 16 * 1024 * 1024)
          ? 'met'
          : 'NOT met'
      } (peak heap growth ${mib(full.heapPeakGrowth)} MiB); ${full.seconds.toFixed(1)} s, ${fmt(
        Math.round(full.perSecond),
      )} objects/s`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
