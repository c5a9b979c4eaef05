// With METRICS_TOKEN set, the worker's operational endpoints are for the holder of
// the token: /metrics and /fulfillment/* answer 401 without it, and /readyz still
// answers its status code to a bare probe but keeps the details to itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { startWorker, type RunningWorker } from './server';

const TOKEN = 'metrics-token-for-tests-0123456789';
let testDb: TestDatabase;
let worker: RunningWorker;
const url = (path: string) => `http://127.0.0.1:${worker.port}${path}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  testDb = await createTestDatabase();
  worker = await startWorker({
    ownerUrl: testDb.ownerUrl,
    port: 0,
    logLevel: 'warn',
    jobsEnabled: false,
    metricsToken: TOKEN,
  });
});
afterAll(async () => {
  await worker?.stop();
  await testDb?.drop();
});

describe('METRICS_TOKEN', () => {
  it.each(['/metrics', '/fulfillment/health', '/fulfillment/metrics'])(
    'refuses %s without the token, or with a wrong one, in words',
    async (path) => {
      for (const headers of [{}, bearer('wrong-token'), { authorization: TOKEN }]) {
        const res = await fetch(url(path), { headers });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer realm="souk-worker"');
        const body = (await res.json()) as { detail: string };
        expect(body.detail).toContain('Authorization: Bearer <METRICS_TOKEN>');
      }
      const ok = await fetch(url(path), { headers: bearer(TOKEN) });
      expect(ok.status).toBe(200);
    },
  );

  it('serves the metrics text with the token', async () => {
    const res = await fetch(url('/metrics'), { headers: bearer(TOKEN) });
    expect(await res.text()).toContain('souk_worker_http_requests_total');
  });

  it('answers /readyz to a bare probe with the status only, details with the token', async () => {
    const bare = await fetch(url('/readyz'));
    expect(bare.status).toBe(200);
    expect(await bare.json()).toEqual({ status: 'ready' });

    const detailed = await fetch(url('/readyz'), { headers: bearer(TOKEN) });
    expect(detailed.status).toBe(200);
    expect(await detailed.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok' },
    });
  });

  it('keeps /healthz open for liveness probes', async () => {
    expect((await fetch(url('/healthz'))).status).toBe(200);
  });
});

describe('METRICS_TOKEN on an unready worker', () => {
  let broken: RunningWorker;
  afterAll(async () => {
    await broken?.stop();
  });

  it('answers 503 without naming the failed check unless the token is sent', async () => {
    const unreachable = new URL(testDb.ownerUrl);
    unreachable.port = '1';
    broken = await startWorker({
      ownerUrl: unreachable.toString(),
      appUrl: testDb.appUrl,
      port: 0,
      logLevel: 'silent',
      jobsEnabled: false,
      applier: { enabled: false },
      metricsToken: TOKEN,
    });
    const at = (path: string) => `http://127.0.0.1:${broken.port}${path}`;
    const bare = await fetch(at('/readyz'));
    expect(bare.status).toBe(503);
    const bareBody = (await bare.json()) as Record<string, unknown>;
    expect(bareBody.detail).toBe('Not ready (send the METRICS_TOKEN for details)');
    expect(bareBody).not.toHaveProperty('check');
    expect(bareBody).not.toHaveProperty('checks');

    const detailed = await fetch(at('/readyz'), { headers: bearer(TOKEN) });
    expect(detailed.status).toBe(503);
    expect(await detailed.json()).toMatchObject({
      detail: 'The database is unreachable',
      check: 'database',
    });
  });
});
