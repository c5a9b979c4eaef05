import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, adminQuery, type TestDatabase } from '@souk/db/testing';
import { inject } from 'vitest';
import { HEARTBEAT_QUEUE } from './jobs/heartbeat';
import { startWorker, type RunningWorker } from './server';

let testDb: TestDatabase;
let worker: RunningWorker;
const url = (path: string) => `http://127.0.0.1:${worker.port}${path}`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  worker = await startWorker({ ownerUrl: testDb.ownerUrl, port: 0 });
});
afterAll(async () => {
  await worker?.stop();
  await testDb?.drop();
});

describe('worker', () => {
  it('is live and ready on a migrated database, with a request id on every response', async () => {
    const live = await fetch(url('/healthz'));
    expect(live.status).toBe(200);
    expect(live.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
    const ready = await fetch(url('/readyz'), { headers: { 'x-request-id': 'ready-check-1' } });
    expect(ready.headers.get('x-request-id')).toBe('ready-check-1');
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok' },
    });
  });

  it('answers unknown routes with problem+json', async () => {
    const res = await fetch(url('/nope'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('runs the heartbeat job and shows it in the metrics', async () => {
    const before = Date.now() / 1000;
    await worker.boss!.send(HEARTBEAT_QUEUE, {});
    await expect
      .poll(
        async () =>
          (await worker.metrics.jobsCompleted.get()).values.find(
            (v) => v.labels.queue === HEARTBEAT_QUEUE,
          )?.value ?? 0,
        {
          timeout: 15_000,
          interval: 250,
        },
      )
      .toBeGreaterThanOrEqual(1);
    const text = await (await fetch(url('/metrics'))).text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(
      /souk_worker_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    const beat = Number(/^souk_job_last_heartbeat_timestamp_seconds (\S+)$/m.exec(text)?.[1]);
    expect(beat).toBeGreaterThanOrEqual(Math.floor(before));
  });

  it('is not ready while migrations are pending', async () => {
    const { serverUrl } = inject('soukTestDb');
    const name = `souk_empty_${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const emptyUrl = new URL(serverUrl);
    emptyUrl.pathname = `/${name}`;
    const bare = await startWorker({ ownerUrl: emptyUrl.toString(), port: 0, jobsEnabled: false });
    try {
      const res = await fetch(`http://127.0.0.1:${bare.port}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { check: string; pending: string[] };
      expect(body.check).toBe('migrations');
      expect(body.pending.length).toBeGreaterThan(0);
    } finally {
      await bare.stop();
      await adminQuery(serverUrl, `DROP DATABASE ${name} WITH (FORCE)`);
    }
  });
});
