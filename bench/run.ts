// `pnpm bench`: catalog.getBySlug through tRPC over HTTP (production build of the
// web app) beside the same read done with raw `pg`, in the same run, same database.
// Prints figures; asserts nothing. Not part of the test suite.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { histogram, repoRoot, runBench } from './support';

const env = process.env;
const DURATION_S = Number(env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 10);
const WEB_PORT = Number(env.BENCH_WEB_PORT ?? 3210);
const SLUG = 'instagram-growth';

// The storefront read in one round trip: product + the four collections as JSON,
// inside the same kind of RLS transaction the app uses.
const RAW_SQL = `
select p.id, p.slug, p.name, p.description, p."basePriceCents", p.currency, p."imageUrl",
  coalesce((select json_agg(json_build_object('id', g.id, 'name', g.name, 'description', g.description,
      'selectionType', g."selectionType", 'isRequired', g."isRequired",
      'options', coalesce((select json_agg(json_build_object('id', o.id, 'label', o.label,
          'description', o.description, 'priceDeltaCents', o."priceDeltaCents") order by o.position)
        from product_options o where o."groupId" = g.id), '[]'::json)) order by g.position)
    from product_option_groups g where g."productId" = p.id), '[]'::json) as "optionGroups",
  coalesce((select json_agg(a.* order by a.position) from product_add_ons a where a."productId" = p.id), '[]'::json) as "addOns",
  coalesce((select json_agg(f.* order by f.position) from product_custom_fields f where f."productId" = p.id), '[]'::json) as "customFields",
  coalesce((select json_agg(s.* order by s.position) from product_subscription_plans s where s."productId" = p.id), '[]'::json) as "subscriptionPlans"
from products p where p.slug = $1 and p.status = 'active'`;

interface Figures {
  label: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
}

/** The figures of `requests` over DURATION_S, from their latencies in µs. */
function figuresOf(
  label: string,
  requests: number,
  latencies: ReturnType<typeof histogram>,
): Figures {
  return {
    label,
    requests,
    rps: requests / DURATION_S,
    p50: latencies.getValueAtPercentile(50) / 1000,
    p99: latencies.getValueAtPercentile(99) / 1000,
  };
}

async function waitForHttp(url: string): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} never came up`);
}

async function benchHttp(url: string): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`HTTP bench had ${result.non2xx} non-2xx and ${result.errors} errors`);
  return {
    label: 'tRPC over HTTP (next start)',
    requests: result.requests.total,
    rps: result.requests.total / DURATION_S,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

async function benchRawPg(appUrl: string, orgId: string): Promise<Figures> {
  const pool = new pg.Pool({ connectionString: appUrl, max: CONNECTIONS });
  const latencies = histogram(60_000_000);
  let requests = 0;
  const deadline = performance.now() + DURATION_S * 1000;
  const loop = async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < deadline) {
        const started = performance.now();
        await client.query('begin');
        await client.query(`select set_config('app.current_org_id', $1, true)`, [orgId]);
        const { rows } = await client.query(RAW_SQL, [SLUG]);
        await client.query('commit');
        if (rows.length !== 1) throw new Error('raw query found no product');
        latencies.recordValue(Math.round((performance.now() - started) * 1000)); // µs
        requests += 1;
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  await pool.end();
  return figuresOf('raw pg (same read, one query)', requests, latencies);
}

/** The same procedure without HTTP or Next.js: separates framework cost from data-access cost. */
async function benchInProcess(appUrl: string): Promise<Figures> {
  const { createDb } = await import('@souk/db');
  const { appRouter, createCallerFactory, createTRPCContext } = await import('@souk/api');
  const db = createDb(appUrl, { max: CONNECTIONS });
  const caller = createCallerFactory(appRouter)(
    createTRPCContext({ db, session: null, headers: new Headers() }),
  );
  const latencies = histogram(60_000_000);
  let requests = 0;
  const run = async (until: number, record: boolean) => {
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          await caller.catalog.getProductBySlug({ slug: SLUG });
          if (record) {
            latencies.recordValue(Math.round((performance.now() - started) * 1000));
            requests += 1;
          }
        }
      }),
    );
  };
  await run(performance.now() + 2000, false); // warm-up
  await run(performance.now() + DURATION_S * 1000, true);
  await db.$disconnect();
  return figuresOf('tRPC caller in-process (Prisma)', requests, latencies);
}

runBench({ dataDir: 'bench', port: 54332 }, async ({ ownerUrl, appUrl, orgId }) => {
  const children: ReturnType<typeof spawn>[] = [];
  try {
    console.log('building the web app (cached when unchanged)…');
    const build = spawnSync(
      'pnpm',
      ['exec', 'turbo', 'run', 'build', '--filter=@souk/web', '--output-logs=errors-only'],
      { cwd: repoRoot, stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('build failed');
    const web = spawn('pnpm', ['exec', 'next', 'start', '--port', String(WEB_PORT)], {
      cwd: path.join(repoRoot, 'apps/web'),
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...env,
        NODE_ENV: 'production',
        DATABASE_URL: ownerUrl,
        NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench-secret!',
        NEXTAUTH_URL: `http://127.0.0.1:${WEB_PORT}`,
        LOG_LEVEL: 'warn',
      },
      detached: true,
    });
    children.push(web);
    const input = encodeURIComponent(JSON.stringify({ json: { slug: SLUG } }));
    const url = `http://127.0.0.1:${WEB_PORT}/api/trpc/catalog.getProductBySlug?input=${input}`;
    await waitForHttp(url);
    await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up: JIT, pools

    console.log(
      `measuring ${DURATION_S}s each, ${CONNECTIONS} concurrent connections, slug ${SLUG}…`,
    );
    const http = await benchHttp(url);
    const raw = await benchRawPg(appUrl, orgId);
    const inProcess = await benchInProcess(appUrl);
    console.log('');
    console.table(
      [http, inProcess, raw].map((f) => ({
        path: f.label,
        requests: f.requests,
        'req/s': Math.round(f.rps),
        'p50 ms': f.p50.toFixed(2),
        'p99 ms': f.p99.toFixed(2),
      })),
    );
    console.log(`ratio raw pg / tRPC HTTP throughput: ${(raw.rps / http.rps).toFixed(2)}x`);
    console.log(
      `ratio raw pg / in-process tRPC+Prisma throughput: ${(raw.rps / inProcess.rps).toFixed(2)}x`,
    );
  } finally {
    for (const child of children) if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
});
