// `pnpm start`: the whole platform on one machine with zero configuration.
// Postgres (DATABASE_URL, or an embedded server under .data/), migrations, demo
// data, production builds of web + worker, then both served until Ctrl-C.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPorts, type PortNeed } from './port-check';
import { createSupervisor } from './supervisor';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const dataDir = path.resolve(root, env.SOUK_DATA_DIR ?? '.data');
const webPort = Number(env.WEB_PORT ?? 3000);
const readOnlyWebPort = env.READ_ONLY_WEB_PORT ? Number(env.READ_ONLY_WEB_PORT) : null;
const workerPort = Number(env.WORKER_PORT ?? 3001);
const sandboxPort = Number(env.STRIPE_SANDBOX_PORT ?? 3002);
// Same default as packages/db/src/env.ts.
const pgPort = Number(env.EMBEDDED_PG_PORT ?? 54329);
const useSandbox = !env.STRIPE_SECRET_KEY;
const skipBuild = env.SOUK_SKIP_BUILD === 'true';
const publicUrl = env.NEXTAUTH_URL ?? `http://localhost:${webPort}`;
// Production refuses plain http (cookies would travel in clear) except for a
// browser on this very machine, which is what a zero-configuration run is.
const isLocalHttp = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(publicUrl);

function log(message: string): void {
  console.log(`[souk] ${message}`);
}

/** Stops what main() started (children, sandbox, database); set once the children run. */
let shutdown: (() => Promise<void>) | null = null;

/** A stable secret per data dir, so sessions and links survive restarts without any setup. */
function devSecret(name: string, given: string | undefined, prefix = ''): string {
  if (given) return given;
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, name);
  if (!existsSync(file)) {
    writeFileSync(file, prefix + randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** A server this data dir already runs on that port is reused, not a conflict. */
function embeddedServerRunningHere(port: number): boolean {
  try {
    const lines = readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split(
      '\n',
    );
    const pid = Number(lines[0]);
    if (!pid || Number(lines[3]) !== port) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function main(): Promise<void> {
  // Before anything starts: a busy port found halfway would leave a half-started run
  // while the other instance keeps answering on :3000.
  const needs: PortNeed[] = [
    { port: webPort, what: 'web', variable: 'WEB_PORT' },
    { port: workerPort, what: 'worker', variable: 'WORKER_PORT' },
  ];
  if (useSandbox) {
    needs.push({
      port: sandboxPort,
      what: 'Stripe sandbox',
      variable: 'STRIPE_SANDBOX_PORT',
      host: '127.0.0.1',
    });
  }
  if (!env.DATABASE_URL && !embeddedServerRunningHere(pgPort)) {
    needs.push({
      port: pgPort,
      what: 'embedded PostgreSQL',
      variable: 'EMBEDDED_PG_PORT',
      host: '127.0.0.1',
    });
  }
  await checkPorts(needs);

  // Imported after env defaults are set: @souk/db reads its env at import time.
  env.SOUK_DATA_DIR = dataDir;
  // The souk_app role's password: generated like the other secrets (migrate sets it on the role).
  env.DATABASE_APP_PASSWORD = devSecret('database-app-password', env.DATABASE_APP_PASSWORD);
  const admin = await import('@souk/db/admin');
  const { seed, DEMO_LOGINS, DEMO_PASSWORD } = await import('@souk/db/seed');

  const database = await admin.resolveOwnerUrl();
  const ownerUrl = database.ownerUrl;
  log(
    env.DATABASE_URL
      ? 'using DATABASE_URL'
      : `embedded PostgreSQL at ${new URL(ownerUrl).host} (data in ${dataDir})`,
  );

  await admin.migrateAndBootstrap(ownerUrl);
  const seeded = await seed(ownerUrl);
  log(`demo data ready (${seeded.products} new products)`);

  // Payments: real Stripe when STRIPE_SECRET_KEY is set, otherwise the local sandbox,
  // whose signed webhooks go to the worker like Stripe's would.
  const webhookSecret = useSandbox
    ? devSecret('sandbox-webhook-secret', undefined, 'whsec_')
    : env.STRIPE_WEBHOOK_SECRET;
  // Connected-account events go to a separate Connect endpoint with its own secret, as on Stripe.
  const connectWebhookSecret = useSandbox
    ? devSecret('sandbox-connect-webhook-secret', undefined, 'whsec_')
    : env.STRIPE_CONNECT_WEBHOOK_SECRET;
  let sandbox: { url: string; stop(): Promise<void> } | null = null;
  // Guards the sandbox's /_sandbox/* test controls (mark paid, forge events, add endpoints).
  const sandboxControlToken = devSecret('sandbox-control-token', env.STRIPE_SANDBOX_CONTROL_TOKEN);
  if (useSandbox) {
    const { startStripeSandbox } = await import('@souk/stripe-sandbox');
    sandbox = await startStripeSandbox({
      port: sandboxPort,
      host: '127.0.0.1',
      controlToken: sandboxControlToken,
      // Connected accounts, payments and events outlive a restart, as they would on Stripe.
      stateFile: path.join(dataDir, 'stripe-sandbox', 'state.json'),
      webhookEndpoints: [
        { url: `http://127.0.0.1:${workerPort}/webhooks/stripe`, secret: webhookSecret ?? '' },
        {
          url: `http://127.0.0.1:${workerPort}/webhooks/stripe/connect`,
          secret: connectWebhookSecret ?? '',
          connect: true,
        },
      ],
    });
    log(`Stripe sandbox at ${sandbox.url} (no STRIPE_SECRET_KEY set)`);
  }

  if (!skipBuild) {
    log('building web and worker (cached after the first run)…');
    const build = spawnSync(
      'pnpm',
      [
        'exec',
        'turbo',
        'run',
        'build',
        '--filter=@souk/web',
        '--filter=@souk/worker',
        '--output-logs=errors-only',
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...env,
          NEXT_TELEMETRY_DISABLED: '1',
          TURBO_TELEMETRY_DISABLED: '1',
          NEXT_PUBLIC_PAYMENTS_MODE: useSandbox ? 'sandbox' : 'stripe',
        },
      },
    );
    if (build.status !== 0) throw new Error('build failed');
  }

  const childEnv = {
    ...env,
    NODE_ENV: 'production' as const,
    DATABASE_URL: ownerUrl,
    NEXTAUTH_URL: publicUrl,
    NEXTAUTH_SECRET: devSecret('nextauth-secret', env.NEXTAUTH_SECRET),
    CHECKOUT_API_KEY: devSecret('checkout-api-key', env.CHECKOUT_API_KEY),
    SOUK_LINK_SECRET: devSecret('link-secret', env.SOUK_LINK_SECRET),
    CLIENT_PORTAL_SECRET: devSecret('client-portal-secret', env.CLIENT_PORTAL_SECRET),
    PAYMENTS_ENCRYPTION_KEY: devSecret('payments-encryption-key', env.PAYMENTS_ENCRYPTION_KEY),
    DATABASE_APP_PASSWORD: env.DATABASE_APP_PASSWORD,
    METRICS_TOKEN: devSecret('metrics-token', env.METRICS_TOKEN),
    ...(isLocalHttp && env.ALLOW_INSECURE_HTTP === undefined
      ? { ALLOW_INSECURE_HTTP: 'true' }
      : {}),
    PUBLIC_WEB_URL: env.PUBLIC_WEB_URL ?? publicUrl,
    // Local-disk uploads live with the rest of the run's data (S3 when S3_BUCKET is set).
    UPLOAD_ROOT: env.UPLOAD_ROOT ?? path.join(dataDir, 'uploads'),
    WORKER_PORT: String(workerPort),
    NEXT_TELEMETRY_DISABLED: '1',
    FULFILLMENT_WORKER_ENABLED: env.FULFILLMENT_WORKER_ENABLED ?? 'true',
    HOSTED_RECOVERY_WORKER_ENABLED: env.HOSTED_RECOVERY_WORKER_ENABLED ?? 'true',
    ...(webhookSecret ? { STRIPE_WEBHOOK_SECRET: webhookSecret } : {}),
    ...(connectWebhookSecret ? { STRIPE_CONNECT_WEBHOOK_SECRET: connectWebhookSecret } : {}),
    ...(sandbox ? { STRIPE_API_URL: sandbox.url } : {}),
  };
  const webDir = path.join(root, 'apps/web');
  // Worker and web run under a supervisor: one that crashes is restarted with
  // backoff; Ctrl-C (or SIGTERM) stops both, then the sandbox and the database.
  const supervisor = createSupervisor(
    [
      {
        name: 'worker',
        command: 'node',
        args: ['--enable-source-maps', 'dist/main.js'],
        cwd: path.join(root, 'apps/worker'),
        env: childEnv,
      },
      {
        // server.mjs (`next start` that tells the app the socket address), without
        // `pnpm exec` in front: the supervisor signals this very process, and a pnpm
        // that died alone would leave the server holding the port.
        name: 'web',
        command: 'node',
        args: ['server.mjs', '--port', String(webPort)],
        cwd: webDir,
        env: childEnv,
      },
      // An incident drill (and the break-glass e2e): a second web instance on the same data
      // in admin read-only mode, as a deploy with ADMIN_READ_ONLY=true would run.
      ...(readOnlyWebPort
        ? [
            {
              name: 'web-read-only',
              command: 'node',
              args: ['server.mjs', '--port', String(readOnlyWebPort)],
              cwd: webDir,
              env: {
                ...childEnv,
                ADMIN_READ_ONLY: 'true',
                NEXTAUTH_URL: `http://127.0.0.1:${readOnlyWebPort}`,
                PUBLIC_WEB_URL: `http://127.0.0.1:${readOnlyWebPort}`,
              },
            },
          ]
        : []),
    ],
    { log },
  );
  let stopped: Promise<void> | null = null;
  shutdown = () =>
    (stopped ??= (async () => {
      await supervisor.stop();
      await sandbox?.stop();
      await database.stop();
    })());
  // Ctrl-C / SIGTERM at any time from here on: a graceful stop (children get SIGTERM,
  // SIGKILL after 10 s), then exit 0. Another one kills the children at once; a
  // third exits without waiting for the sandbox and the database. A repeat within a
  // second is the same Ctrl-C twice (the terminal signals us, and tsx relays it too).
  let signals = 0;
  let lastSignalAt = 0;
  const onSignal = (): void => {
    if (Date.now() - lastSignalAt < 1000) return;
    lastSignalAt = Date.now();
    signals += 1;
    if (signals === 1) {
      log('stopping…');
      void shutdown?.().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('[souk] stop failed:', error);
          process.exit(1);
        },
      );
    } else if (signals === 2) {
      log('stopping now (SIGKILL)');
      void supervisor.kill();
    } else {
      process.exit(1);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  supervisor.start();

  await waitForHttp(`http://127.0.0.1:${webPort}/api/health`);
  if (readOnlyWebPort) await waitForHttp(`http://127.0.0.1:${readOnlyWebPort}/api/health`);
  await waitForHttp(`http://127.0.0.1:${workerPort}/healthz`);
  const width = Math.max(...DEMO_LOGINS.map((l) => l.email.length));
  console.log(
    [
      '',
      'Souk is running',
      `  Storefront     ${publicUrl}/`,
      `  Admin console  ${publicUrl}/admin`,
      `  Vendor portal  ${publicUrl}/vendor`,
      `  Client portal  ${publicUrl}/portal`,
      `  Worker         http://localhost:${workerPort}/healthz  /readyz  /metrics  /fulfillment/health`,
      `                 (/metrics, /fulfillment/*: -H "Authorization: Bearer $(cat ${path.join(dataDir, 'metrics-token')})")`,
      sandbox
        ? `  Payments       Stripe sandbox ${sandbox.url} (hosted pay page; no real money)`
        : '  Payments       Stripe (STRIPE_SECRET_KEY)',
      '',
      `Demo logins (password for all: ${DEMO_PASSWORD})`,
      ...DEMO_LOGINS.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(10)}  org ${l.org}`),
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000}s`);
}

main().catch(async (error: unknown) => {
  // Problems we explain in words print as words; anything else keeps its stack.
  const explained =
    error instanceof Error &&
    ['PortsInUseError', 'EmbeddedPostgresAccessError', 'ProductionConfigError'].includes(
      error.name,
    );
  console.error('[souk] start failed:', explained ? error.message : error);
  await shutdown?.().catch(() => {});
  process.exit(1);
});
