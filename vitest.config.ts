import { defineConfig } from 'vitest/config';

const exclude = [
  '**/node_modules/**',
  '**/.next/**',
  '**/dist/**',
  '**/generated/**',
  'e2e/**',
  '.data/**',
];

export default defineConfig({
  test: {
    projects: [
      {
        // apps/web's tsconfig says jsx "preserve" (Next compiles it); tests need it compiled.
        oxc: { jsx: { runtime: 'automatic' } },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['**/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: [...exclude, '**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['**/src/**/*.int.test.ts'],
          exclude,
          // One server and one migrated template per run; each file copies the template.
          globalSetup: ['packages/db/src/testing-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // A fixed key so per-org credential tests can encrypt; never used outside tests.
          env: { PAYMENTS_ENCRYPTION_KEY: 'a0'.repeat(32) },
          maxWorkers: 2,
        },
      },
    ],
  },
});
