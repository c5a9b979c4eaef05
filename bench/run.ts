// `pnpm bench` (first part): the storefront under an even load, before and after the
// storefront cache, in one run on one database:
//   - `catalog.getProductBySlug` over tRPC HTTP at an even 300 req/s   (target p99 <= 15 ms)
//   - the product page at an even 100 req/s                            (target p99 <= 50 ms)
//   - `checkout.startCheckout`, as many as it takes                    (target >= 150/s)
// "Before" is the same production build with STOREFRONT_CACHE_TTL_SECONDS=0 (every read goes
// to the database); "after" has the cache on. The load is open-loop: request i is sent at
// start + i/rate whatever the earlier ones are doing, and its latency counts from that
// moment, so a server that falls behind shows it (autocannon's -R sends bursts instead).
// Prints figures; asserts nothing. Not part of the test suite.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import http from 'node:http';
import { histogram, loadAverage, repoRoot, runBench } from './support';

const env = process.env;
const DURATION_S = Number(env.BENCH_DURATION_S ?? 10);
const WEB_PORT = Number(env.BENCH_WEB_PORT ?? 3210);
const SANDBOX_PORT = Number(env.BENCH_SANDBOX_PORT ?? 3211);
const CHECKOUT_CONCURRENCY = Number(env.BENCH_CHECKOUT_CONCURRENCY ?? 8);
const SLUG = 'instagram-growth';
// BENCH_PARTS=checkout measures only the checkout (no build, no web server).
const PARTS = (env.BENCH_PARTS ?? 'storefront,checkout').split(',');
const TARGETS = { readP99: 15, pageP99: 50, checkoutPerS: 150 };

interface Paced {
  rate: number;
  sent: number;
  ok: number;
  failed: number;
  achieved: number;
  p50: number;
  p99: number;
}

// Keep-alive connections, enough of them that the client never queues a request itself.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** Why requests failed (status code or socket error), printed when any did. */
const failures = new Map<string, number>();
const noteFailure = (why: string) => failures.set(why, (failures.get(why) ?? 0) + 1);

function get(url: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent }, (response) => {
      response.resume();
      const good = (response.statusCode ?? 500) < 400;
      if (!good) noteFailure(`HTTP ${response.statusCode}`);
      response.on('end', () => resolve(good));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** `rate` requests per second for `seconds`, evenly spaced; latency from each one's slot. */
async function paced(url: string, rate: number, seconds: number): Promise<Paced> {
  const latencies = histogram(600_000_000);
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let ok = 0;
  let failed = 0;
  let lastDone = started;
  for (let i = 0; i < total; i += 1) {
    const slot = started + i * interval;
    const wait = slot - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      get(url).then(
        (good) => {
          const now = performance.now();
          lastDone = Math.max(lastDone, now);
          latencies.recordValue(Math.max(1, Math.round((now - slot) * 1000)));
          if (good) ok += 1;
          else failed += 1;
        },
        (error: NodeJS.ErrnoException) => {
          noteFailure(error.code ?? error.message);
          failed += 1;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return {
    rate,
    sent: total,
    ok,
    failed,
    achieved: ok / ((lastDone - started) / 1000),
    p50: latencies.getValueAtPercentile(50) / 1000,
    p99: latencies.getValueAtPercentile(99) / 1000,
  };
}

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      if (await get(url)) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} never came up`);
}

function stop(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
  });
}

// A production build refuses development secrets: the bench's own, for its own database.
const BENCH_SECRETS = {
  NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench-secret!',
  CHECKOUT_API_KEY: 'bench-checkout-api-key-0123456789',
  SOUK_LINK_SECRET: 'bench-link-secret-0123456789abcdef',
  CLIENT_PORTAL_SECRET: 'bench-client-portal-secret-0123456789abcdef',
  PAYMENTS_ENCRYPTION_KEY: 'ab'.repeat(32),
  ALLOW_INSECURE_HTTP: 'true',
};
const BENCH_APP_PASSWORD = 'bench-app-password-0123456789';

function withPassword(url: string, password: string): string {
  const u = new URL(url);
  u.password = password;
  return u.toString();
}

function startWeb(ownerUrl: string, appUrl: string, cacheTtlSeconds: number): ChildProcess {
  return spawn('pnpm', ['exec', 'next', 'start', '--port', String(WEB_PORT)], {
    cwd: path.join(repoRoot, 'apps/web'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...env,
      ...BENCH_SECRETS,
      NODE_ENV: 'production',
      DATABASE_URL: ownerUrl,
      DATABASE_APP_URL: appUrl,
      NEXTAUTH_URL: `http://127.0.0.1:${WEB_PORT}`,
      STOREFRONT_CACHE_TTL_SECONDS: String(cacheTtlSeconds),
      LOG_LEVEL: 'warn',
    },
    detached: true,
  });
}

interface Storefront {
  read: Paced;
  page: Paced;
}

async function measureStorefront(
  ownerUrl: string,
  appUrl: string,
  cacheTtlSeconds: number,
): Promise<Storefront> {
  const web = startWeb(ownerUrl, appUrl, cacheTtlSeconds);
  try {
    const input = encodeURIComponent(JSON.stringify({ json: { slug: SLUG } }));
    const readUrl = `http://127.0.0.1:${WEB_PORT}/api/trpc/catalog.getProductBySlug?input=${input}`;
    const pageUrl = `http://127.0.0.1:${WEB_PORT}/products/${SLUG}`;
    await waitForHttp(readUrl, web);
    // Warm-up: JIT, pools, the page's compiled chunks (and the cache when it is on).
    await paced(readUrl, 300, 5);
    await paced(pageUrl, 50, 5);
    const read = await paced(readUrl, 300, DURATION_S);
    const page = await paced(pageUrl, 100, DURATION_S);
    return { read, page };
  } finally {
    await stop(web);
  }
}

async function measureCheckout(appUrl: string): Promise<{
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
}> {
  const sandbox = spawn('pnpm', ['exec', 'tsx', 'bench/sandbox.ts', String(SANDBOX_PORT)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  try {
    const sandboxUrl = await new Promise<string>((resolve, reject) => {
      sandbox.stdout.on('data', (chunk: Buffer) => {
        const match = /^sandbox (\S+) (\S+)/m.exec(chunk.toString());
        if (match) resolve(`${match[1]} ${match[2]}`);
      });
      sandbox.once('exit', (code) => reject(new Error(`sandbox exited (${code})`)));
    });
    const [url, apiKey] = sandboxUrl.split(' ') as [string, string];
    const { createDb } = await import('@souk/db');
    const { appRouter, createCallerFactory, createTRPCContext } = await import('@souk/api');
    const { apiEnv } = await import('@souk/api/env');
    const { sessionFor } = await import('@souk/api/testing');
    const { createStripeGateway } = await import('@souk/payments');
    const db = createDb(appUrl, { max: 10 });
    const gateway = createStripeGateway({ secretKey: apiKey, apiUrl: url });
    const session = await sessionFor(db, 'customer@souk.test');
    const shop = createCallerFactory(appRouter)(
      createTRPCContext({
        db,
        session,
        headers: new Headers({ 'x-api-key': apiEnv.CHECKOUT_API_KEY }),
        gateway,
      }),
    );
    // The first option of every required group, and something in every required field.
    const product = await shop.catalog.getProductBySlug({ slug: SLUG });
    const selection = {
      options: Object.fromEntries(
        product.optionGroups
          .filter((g) => g.isRequired)
          .map((g) => [g.id, g.options.slice(0, 1).map((o) => o.id)]),
      ),
      addOnIds: [],
      planId:
        product.subscriptionPlans.find((plan) => plan.isDefault)?.id ??
        product.subscriptionPlans[0]?.id ??
        null,
      customFields: Object.fromEntries(
        product.customFields.filter((f) => f.isRequired).map((f) => [f.id, 'bench']),
      ),
    };
    const latencies = histogram(600_000_000);
    let count = 0;
    const run = async (until: number, record: boolean) =>
      Promise.all(
        Array.from({ length: CHECKOUT_CONCURRENCY }, async () => {
          while (performance.now() < until) {
            const t0 = performance.now();
            await shop.checkout.startCheckout({ productSlug: SLUG, selection });
            if (record) {
              latencies.recordValue(Math.round((performance.now() - t0) * 1000));
              count += 1;
            }
          }
        }),
      );
    await run(performance.now() + 2000, false);
    const started = performance.now();
    await run(started + DURATION_S * 1000, true);
    const seconds = (performance.now() - started) / 1000;
    await db.$disconnect();
    return {
      count,
      perSecond: count / seconds,
      p50: latencies.getValueAtPercentile(50) / 1000,
      p99: latencies.getValueAtPercentile(99) / 1000,
    };
  } finally {
    await stop(sandbox);
  }
}

const ms = (n: number) => n.toFixed(1);
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

runBench({ dataDir: 'bench', port: 54332 }, async ({ ownerUrl, appUrl: devAppUrl, owner }) => {
  const appUrl = withPassword(devAppUrl, BENCH_APP_PASSWORD);
  await owner.query(`alter role souk_app password '${BENCH_APP_PASSWORD}'`);
  try {
    await benchStorefront(ownerUrl, appUrl);
  } finally {
    const devPassword = decodeURIComponent(new URL(devAppUrl).password);
    await owner.query(`alter role souk_app password '${devPassword.replaceAll("'", "''")}'`);
  }
});

async function benchStorefront(ownerUrl: string, appUrl: string): Promise<void> {
  if (PARTS.includes('storefront')) {
    console.log('building the web app (cached when unchanged)…');
    const build = spawnSync(
      'pnpm',
      ['exec', 'turbo', 'run', 'build', '--filter=@souk/web', '--output-logs=errors-only'],
      { cwd: repoRoot, stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('build failed');

    console.log(`storefront, cache off (before): ${DURATION_S}s per load, load ${loadAverage()}`);
    const before = PARTS.includes('cache-on-only')
      ? null
      : await measureStorefront(ownerUrl, appUrl, 0);
    console.log(`storefront, cache on (after): ${DURATION_S}s per load, load ${loadAverage()}`);
    const after = await measureStorefront(ownerUrl, appUrl, 60);
    const row = (what: string, cache: string, f: Paced, target: number) => ({
      what,
      cache,
      'offered req/s': f.rate,
      'served req/s': Math.round(f.achieved),
      failed: f.failed,
      'p50 ms': ms(f.p50),
      'p99 ms': ms(f.p99),
      target: `p99 <= ${target} ms`,
      verdict: verdict(f.failed === 0 && f.p99 <= target),
    });
    console.table([
      ...(before
        ? [row('catalog.getProductBySlug (tRPC HTTP)', 'off', before.read, TARGETS.readP99)]
        : []),
      row('catalog.getProductBySlug (tRPC HTTP)', 'on', after.read, TARGETS.readP99),
      ...(before
        ? [row('product page /products/[slug]', 'off', before.page, TARGETS.pageP99)]
        : []),
      row('product page /products/[slug]', 'on', after.page, TARGETS.pageP99),
    ]);
    if (before) {
      console.log(
        `p99 ratio before/after: product read ${(before.read.p99 / after.read.p99).toFixed(1)}x, ` +
          `product page ${(before.page.p99 / after.page.p99).toFixed(1)}x`,
      );
    }
    if (failures.size > 0) console.log('failed requests:', Object.fromEntries(failures));
  }
  if (PARTS.includes('checkout')) {
    console.log(`checkout.startCheckout, ${CHECKOUT_CONCURRENCY} at a time for ${DURATION_S}s…`);
    const checkout = await measureCheckout(appUrl);
    console.table([
      {
        what: 'checkout.startCheckout (in-process tRPC, sandbox in its own process)',
        checkouts: checkout.count,
        'per s': Math.round(checkout.perSecond),
        'p50 ms': ms(checkout.p50),
        'p99 ms': ms(checkout.p99),
        target: `>= ${TARGETS.checkoutPerS}/s`,
        verdict: verdict(checkout.perSecond >= TARGETS.checkoutPerS),
      },
    ]);
  }
  console.log(`load average after: ${loadAverage()}`);
  agent.destroy();
}
