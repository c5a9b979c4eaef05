import { defineConfig } from '@playwright/test';

const webPort = 3100;
const isCI = process.env.CI === 'true';

// One production server for the whole run, on its own data dir and ports so it
// never collides with a developer's `pnpm start`. Wiped first: every run starts
// from migrations + demo seed.
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: isCI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: isCI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${webPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'rm -rf .data/e2e && pnpm start',
    url: `http://127.0.0.1:${webPort}/api/health`,
    timeout: 240_000,
    reuseExistingServer: !isCI,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      SOUK_DATA_DIR: '.data/e2e',
      EMBEDDED_PG_PORT: '54331',
      WEB_PORT: String(webPort),
      WORKER_PORT: '3101',
      STRIPE_SANDBOX_PORT: '3102',
      NEXTAUTH_URL: `http://127.0.0.1:${webPort}`,
      LOG_LEVEL: 'warn',
      // The tests stand in for a proxy: each browser context says which client it is
      // in X-Forwarded-For (e2e/support), so sign-in limits apply per context.
      TRUSTED_PROXY_CIDRS: '127.0.0.1/32,::1/128',
      // A second web instance on the same data in admin read-only mode (break-glass spec).
      READ_ONLY_WEB_PORT: '3110',
    },
  },
});
