// `pnpm start` itself, as an operator sees it: a worker killed with SIGKILL comes
// back by itself, and Ctrl-C afterwards still stops everything. A second instance
// on its own ports and data dir, next to the one playwright.config.ts runs; needs
// the production build (`pnpm build`), like the rest of the e2e suite.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';

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
