import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminQuery, createTestDatabase, withDatabase, type TestDatabase } from '@souk/db/testing';
import { HEARTBEAT_QUEUE } from './jobs/heartbeat';
import { startWorker, type RunningWorker } from './server';

let testDb: TestDatabase;
let worker: RunningWorker;
const url = (path: string) => `http://127.0.0.1:${worker.port}${path}`;

async function metricsText(): Promise<string> {
  const res = await fetch(url('/metrics'));
  expect(res.status).toBe(200);
  return res.text();
}

/** A sample's value in Prometheus text, or 0 when the series does not exist yet. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** Runs `check` against a worker without jobs on `ownerUrl` (given its base URL), then stops it. */
async function withBareWorker(ownerUrl: string, check: (base: string) => Promise<void>) {
  const bare = await startWorker({ ownerUrl, port: 0, jobsEnabled: false, logLevel: 'silent' });
  try {
    await check(`http://127.0.0.1:${bare.port}`);
  } finally {
    await bare.stop();
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  worker = await startWorker({ ownerUrl: testDb.ownerUrl, port: 0, logLevel: 'warn' });
});
afterAll(async () => {
  await worker?.stop();
  await testDb?.drop();
});

describe('worker', () => {
  it('is live and ready on a migrated database, with a request id on every response', async () => {
    const live = await fetch(url('/healthz'));
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    expect(live.headers.get('x-request-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );

    const ready = await fetch(url('/readyz'), { headers: { 'x-request-id': 'ready-check-1' } });
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-request-id')).toBe('ready-check-1');
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok' },
    });
  });

  it('replaces a request id it should not echo', async () => {
    const res = await fetch(url('/healthz'), { headers: { 'x-request-id': 'a b;<script>' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes and wrong methods with problem+json', async () => {
    const missing = await fetch(url('/nope'), { headers: { 'x-request-id': 'missing-1' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await missing.json()).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      requestId: 'missing-1',
    });

    const wrongMethod = await fetch(url('/healthz'), { method: 'POST' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    expect(await wrongMethod.json()).toMatchObject({ title: 'Method Not Allowed', status: 405 });
  });

  it('serves Prometheus metrics: process, HTTP by route/method/status', async () => {
    await fetch(url('/healthz'));
    const text = await metricsText();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(
      sample(text, 'souk_worker_http_requests_total{method="GET",route="/healthz",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'souk_worker_http_requests_total{method="GET",route="unmatched",status="404"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toContain(
      'souk_worker_http_request_duration_seconds_count{method="GET",route="/readyz",status="200"}',
    );
  });

  it('runs the heartbeat job and shows it in the metrics', async () => {
    const completed = `souk_jobs_completed_total{queue="${HEARTBEAT_QUEUE}"}`;
    const countBefore = sample(await metricsText(), completed);
    const sentAt = Date.now() / 1000;

    expect(await worker.boss!.send(HEARTBEAT_QUEUE, {})).toEqual(expect.any(String));

    await expect
      .poll(async () => sample(await metricsText(), completed), { timeout: 15_000, interval: 250 })
      .toBeGreaterThan(countBefore);
    const text = await metricsText();
    expect(sample(text, 'souk_job_last_heartbeat_timestamp_seconds')).toBeGreaterThanOrEqual(
      Math.floor(sentAt),
    );
    expect(sample(text, `souk_jobs_failed_total{queue="${HEARTBEAT_QUEUE}"}`)).toBe(0);
  });

  it('is not ready while migrations are pending', async () => {
    const { serverUrl, prefix } = inject('soukTestDb');
    // The run's prefix: the global teardown drops it even if this test dies half-way.
    const name = `${prefix}empty_${crypto.randomUUID().replace(/-/g, '').slice(0, 8)}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    try {
      await withBareWorker(withDatabase(serverUrl, name), async (base) => {
        const res = await fetch(`${base}/readyz`);
        expect(res.status).toBe(503);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        const body = (await res.json()) as Record<string, unknown>;
        expect(body).toMatchObject({
          title: 'Service Unavailable',
          status: 503,
          check: 'migrations',
          checks: { database: 'ok', migrations: 'failed' },
          failed: [],
        });
        expect(body.pending).toEqual(expect.arrayContaining([expect.any(String)]));
        // Liveness does not depend on the database.
        expect((await fetch(`${base}/healthz`)).status).toBe(200);
      });
    } finally {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });

  it('is not ready when the database is unreachable, without leaking connection details', async () => {
    // Port 1 on loopback refuses at once: an unreachable database without waiting for a timeout.
    await withBareWorker('postgresql://souk:secret@127.0.0.1:1/souk', async (base) => {
      const res = await fetch(`${base}/readyz`);
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({
        status: 503,
        check: 'database',
        checks: { database: 'failed', migrations: 'skipped' },
      });
      expect(text).not.toContain('127.0.0.1');
    });
  });
});
