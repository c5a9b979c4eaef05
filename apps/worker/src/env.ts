import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';
import { coreEnv } from '@souk/core';
import { failOnInvalidEnv, flag } from '@souk/core/env-helpers';
import { assertProductionConfig } from '@souk/core/production-config';
import { paymentsEnv } from '@souk/payments';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

// The one place apps/worker reads process.env. Parsed at import so a bad
// deployment fails at boot with the field names, not at the first request.
// LOG_LEVEL comes from @souk/core's env and STRIPE_WEBHOOK_SECRET from
// @souk/payments'; DATABASE_URL is declared again because the worker requires it.
export const workerEnv = createEnv({
  server: {
    DATABASE_URL: z
      .string({ message: 'DATABASE_URL is required (the owner connection; `pnpm start` sets it)' })
      .url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
    WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    JOBS_ENABLED: flag('true'),
    HEARTBEAT_CRON: z.string().default('* * * * *'),
    // The Connect endpoint's own signing secret (connected-account events).
    STRIPE_CONNECT_WEBHOOK_SECRET: z.string().min(1).optional(),
    PAYMENT_EVENT_APPLIER_ENABLED: flag('true'),
    PAYMENT_EVENT_APPLIER_INTERVAL_MS: positiveInt(250),
    ORCHESTRATION_MONITOR_CRON: z.string().default('*/30 * * * *'),
    OUTBOX_DELIVERY_ENABLED: flag('true'),
    OUTBOX_POLL_INTERVAL_MS: positiveInt(2000),
    // Spec 001 fulfillment TaskProcessor.
    FULFILLMENT_WORKER_ENABLED: flag('false'),
    FULFILLMENT_POLL_INTERVAL_SECONDS: positiveInt(30),
    FULFILLMENT_BATCH_SIZE: positiveInt(25),
    // Spec 000 hosted-session recovery worker.
    HOSTED_RECOVERY_WORKER_ENABLED: flag('false'),
    HOSTED_RECOVERY_INTERVAL_SECONDS: positiveInt(300),
    HOSTED_RECOVERY_LIMIT: positiveInt(100),
    // Bearer token for /metrics, /fulfillment/* and /readyz details; required in production.
    METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  },
  extends: [coreEnv, paymentsEnv],
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  onValidationError: failOnInvalidEnv('worker'),
});

export type WorkerEnv = typeof workerEnv;

/**
 * With NODE_ENV=production, refuses development secrets and a missing METRICS_TOKEN
 * (ProductionConfigError lists every one). main.ts calls it before anything starts.
 */
export function assertWorkerProductionConfig(): void {
  assertProductionConfig({ app: 'worker', env: process.env });
}
