// `pnpm start` itself, as an operator sees it: a worker killed with SIGKILL comes
// back by itself, and Ctrl-C afterwards still stops everything. A second instance
// on its own ports and data dir, next to the one playwright.config.ts runs; needs
// the production build (`pnpm build`), like the rest of the e2e suite.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { connect } from 'node:net';
import path from 'node:path';
import { expect, test } from '../support/axe';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = '.data/e2e-start';
const ports = { pg: 54341, web: 3200, worker: 3201, sandbox: 3202 };
const healthz = `http://127.0.0.1:${ports.worker}/healthz`;

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0; // not listening
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(5_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function workerPids(output: string): number[] {
  return [...output.matchAll(/\[souk\] worker started \(pid (\d+)\)/g)].map((m) => Number(m[1]));
}

test('pnpm start restarts a worker killed with SIGKILL, then stops cleanly on Ctrl-C', async () => {
  test.setTimeout(420_000);
  rmSync(path.join(root, dataDir), { recursive: true, force: true });

  let output = '';
  // Its own process group, like a terminal job: Ctrl-C is a SIGINT to the group.
  const start = spawn('pnpm', ['start'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SOUK_SKIP_BUILD: 'true',
      SOUK_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(ports.pg),
      WEB_PORT: String(ports.web),
      WORKER_PORT: String(ports.worker),
      STRIPE_SANDBOX_PORT: String(ports.sandbox),
      NEXTAUTH_URL: `http://127.0.0.1:${ports.web}`,
      LOG_LEVEL: 'warn',
    },
  });
  start.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  start.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => start.once('exit', resolve));
  const group = start.pid!;

  try {
    await expect
      .poll(() => output.includes('Souk is running'), {
        message: 'the banner',
        timeout: 180_000,
        intervals: [1_000],
      })
      .toBe(true);
    await expect.poll(() => status(healthz), { timeout: 60_000 }).toBe(200);

    // The worker's metrics need the token pnpm start generated into the data dir.
    const metrics = `http://127.0.0.1:${ports.worker}/metrics`;
    expect(await status(metrics)).toBe(401);
    const token = readFileSync(path.join(root, dataDir, 'metrics-token'), 'utf8').trim();
    const authorized = await fetch(metrics, { headers: { authorization: `Bearer ${token}` } });
    expect(authorized.status).toBe(200);

    // Sign-in is limited per socket address (server.mjs), however X-Forwarded-For is spoofed.
    const signIn = (i: number) =>
      fetch(`http://127.0.0.1:${ports.web}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': `203.0.113.${i}`,
          'x-souk-socket-ip': `198.51.100.${i}`,
        },
        body: new URLSearchParams({ email: 'nobody@souk.test', password: 'wrong-password' }),
      });
    const statuses: number[] = [];
    for (let i = 1; i <= 8; i += 1) statuses.push((await signIn(i)).status);
    expect(statuses.slice(0, 5)).not.toContain(429);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);

    const [first] = workerPids(output);
    expect(first, output).toBeDefined();

    process.kill(first!, 'SIGKILL');
    await expect
      .poll(() => output, { message: 'the restart announcement', timeout: 60_000 })
      .toMatch(/\[souk\] worker exited \(signal SIGKILL\); restarting in \d+m?s \(restart 1\)/);
    await expect
      .poll(() => workerPids(output).length, { message: 'a new worker', timeout: 60_000 })
      .toBe(2);
    expect(workerPids(output)[1]).not.toBe(first);
    await expect.poll(() => status(healthz), { timeout: 60_000 }).toBe(200);

    // Ctrl-C.
    process.kill(-group, 'SIGINT');
    const code = await Promise.race([
      exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000)),
    ]);
    expect(code, output).not.toBe('timeout');
    expect(output).toContain('[souk] stopping…');
    for (const port of [ports.web, ports.worker, ports.sandbox, ports.pg]) {
      await expect
        .poll(() => accepts(port), { message: `port ${port} after Ctrl-C`, timeout: 10_000 })
        .toBe(false);
    }
  } finally {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

test('pnpm start names a busy port and its variable before starting anything', async () => {
  test.setTimeout(120_000);
  const busy = { web: 3210, worker: 3211, sandbox: 3212, pg: 54351 };
  // Another program holds the web port, as a second `pnpm start` would.
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(busy.web, resolve));
  try {
    let output = '';
    const start = spawn('pnpm', ['start'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        SOUK_SKIP_BUILD: 'true',
        SOUK_DATA_DIR: '.data/e2e-start-busy',
        EMBEDDED_PG_PORT: String(busy.pg),
        WEB_PORT: String(busy.web),
        WORKER_PORT: String(busy.worker),
        STRIPE_SANDBOX_PORT: String(busy.sandbox),
      },
    });
    start.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => start.once('exit', resolve));
    expect(code, output).toBe(1);
    expect(output).toContain(
      `port ${busy.web} (web): stop what uses it, or set WEB_PORT=<free port>`,
    );
    expect(output).not.toContain('embedded PostgreSQL at');
    // Nothing was started: the database port is still free.
    expect(await accepts(busy.pg)).toBe(false);
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});
