// Shared by the benches: their database, latency histograms, a bounded worker pool, RSS
// sampling and the machine's load.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as hdr from 'hdr-histogram-js';
import pg from 'pg';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const MIB = 1024 * 1024;
export const mib = (bytes: number) => (bytes / MIB).toFixed(1);
export const fmt = (n: number) => n.toLocaleString('en-US');

/** The figures are CPU-bound on small machines: what this one had to give. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

export function histogram(highestTrackableValue = 600_000_000) {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue,
    numberOfSignificantValueDigits: 3,
  });
}

export interface BenchDatabase {
  ownerUrl: string;
  appUrl: string;
  /** Owner connections for set-based setup and checks (`inOrg` sets the org for RLS). */
  owner: pg.Pool;
  /** The seeded demo org, where every bench works. */
  orgId: string;
}

interface BenchOptions {
  /**
   * The bench's own embedded server, in .data/<dataDir> on `port`, so it never touches
   * `pnpm start`, the tests or another bench (SOUK_DATA_DIR, EMBEDDED_PG_PORT or
   * DATABASE_URL win when set).
   */
  dataDir: string;
  port: number;
  /**
   * Removes the bench's rows, so a rerun (or a shared DATABASE_URL) starts clean: run here
   * when the bench fails. The bench runs it itself before and after, where it can time it.
   */
  cleanup?: (owner: pg.Pool, orgId: string) => Promise<void>;
}

async function withBenchDatabase(
  { dataDir, port, cleanup }: BenchOptions,
  bench: (database: BenchDatabase) => Promise<void>,
): Promise<void> {
  process.env.SOUK_DATA_DIR ??= path.join(repoRoot, '.data', dataDir);
  process.env.EMBEDDED_PG_PORT ??= String(port);
  // Loaded after the env above: they read it on import.
  const admin = await import('@souk/db/admin');
  const { seed } = await import('@souk/db/seed');
  const { appDatabaseUrl } = await import('@souk/db');
  const database = await admin.resolveOwnerUrl();
  let owner: pg.Pool | undefined;
  try {
    await admin.migrateAndBootstrap(database.ownerUrl);
    await seed(database.ownerUrl);
    owner = new pg.Pool({ connectionString: database.ownerUrl, max: 4 });
    const { rows } = await owner.query<{ id: string }>(
      `select id from organizations where slug = 'demo'`,
    );
    const orgId = rows[0]?.id;
    if (!orgId) throw new Error('demo org missing');
    const appUrl = appDatabaseUrl(database.ownerUrl);
    try {
      await bench({ ownerUrl: database.ownerUrl, appUrl, owner, orgId });
    } catch (error) {
      await cleanup?.(owner, orgId).catch((e: unknown) => console.error(e));
      throw error;
    }
  } finally {
    await owner?.end();
    await database.stop();
  }
}

/** Runs `bench` on its database, migrated and seeded; a failure is printed and exits 1. */
export function runBench(
  options: BenchOptions,
  bench: (database: BenchDatabase) => Promise<void>,
): void {
  withBenchDatabase(options, bench).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/** Runs `work(i)` for i in [0, count) with `concurrency` in flight; records each latency in µs. */
export async function pool(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<void>,
  onProgress?: (done: number, seconds: number) => void,
): Promise<{ seconds: number; p50: number; p99: number; max: number }> {
  const h = histogram();
  let next = 0;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        const t0 = performance.now();
        await work(i);
        h.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
        done += 1;
        onProgress?.(done, (performance.now() - started) / 1000);
      }
    }),
  );
  return {
    seconds: (performance.now() - started) / 1000,
    p50: h.getValueAtPercentile(50) / 1000,
    p99: h.getValueAtPercentile(99) / 1000,
    max: h.maxValue / 1000,
  };
}

/** Samples RSS every 20 ms while `fn` runs: the baseline before and the peak during. */
export async function withRssSampling<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; ms: number; baseline: number; peak: number }> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms, baseline, peak };
  } finally {
    clearInterval(timer);
  }
}

/** One transaction as `orgId` (RLS) on an owner connection: the benches' set-based setup. */
export async function inOrg<T>(
  owner: pg.Pool,
  orgId: string,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await owner.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.current_org_id', $1, true)`, [orgId]);
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** Stores event bodies in the ledger as the webhook route would (status received), 2,000 a statement. */
export async function storeEvents(owner: pg.Pool, orgId: string, bodies: string[]): Promise<void> {
  for (let i = 0; i < bodies.length; i += 2000) {
    await inOrg(owner, orgId, (c) =>
      c.query(
        `insert into processor_events (id, "orgId", "eventId", type, status, payload, "objectId", "eventCreatedAt")
         select gen_random_uuid(), $1::uuid, e->>'id', e->>'type', 'received', e,
                e->'data'->'object'->>'id', to_timestamp((e->>'created')::bigint) at time zone 'UTC'
         from jsonb_array_elements($2::jsonb) e`,
        [orgId, `[${bodies.slice(i, i + 2000).join(',')}]`],
      ),
    );
  }
}
