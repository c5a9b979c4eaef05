import { z } from 'zod';
import { assertProductionConfig } from '@souk/core/production-config';

const flagDefault = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0', ''])
    .default(fallback)
    .transform((v) => v === 'true' || v === '1');
const flag = flagDefault('true');
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  DATABASE_URL: z
    .string({ message: 'DATABASE_URL is required (the owner connection; `pnpm start` sets it)' })
    .url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOBS_ENABLED: flag,
  HEARTBEAT_CRON: z.string().default('* * * * *'),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  // The Connect endpoint's own signing secret (connected-account events).
  STRIPE_CONNECT_WEBHOOK_SECRET: z.string().min(1).optional(),
  PAYMENT_EVENT_APPLIER_ENABLED: flag,
  PAYMENT_EVENT_APPLIER_INTERVAL_MS: positiveInt(250),
  ORCHESTRATION_MONITOR_CRON: z.string().default('*/30 * * * *'),
  OUTBOX_DELIVERY_ENABLED: flag,
  OUTBOX_POLL_INTERVAL_MS: positiveInt(2000),
  // Spec 001 fulfillment TaskProcessor.
  FULFILLMENT_WORKER_ENABLED: flagDefault('false'),
  FULFILLMENT_POLL_INTERVAL_SECONDS: positiveInt(30),
  FULFILLMENT_BATCH_SIZE: positiveInt(25),
  // Spec 000 hosted-session recovery worker.
  HOSTED_RECOVERY_WORKER_ENABLED: flagDefault('false'),
  HOSTED_RECOVERY_INTERVAL_SECONDS: positiveInt(300),
  HOSTED_RECOVERY_LIMIT: positiveInt(100),
  // Bearer token for /metrics, /fulfillment/* and /readyz details; required in production.
  METRICS_TOKEN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  ),
});

export type WorkerEnv = z.infer<typeof schema>;

// The one place apps/worker reads process.env. Parsed at import so a bad
// deployment fails at boot with the field names, not at the first request.
function parseEnv(): WorkerEnv {
  const parsed = schema.safeParse(process.env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`invalid worker environment:\n${problems.join('\n')}`);
}

export const workerEnv = parseEnv();

/**
 * With NODE_ENV=production, refuses development secrets and a missing METRICS_TOKEN
 * (ProductionConfigError lists every one). main.ts calls it before anything starts.
 */
export function assertWorkerProductionConfig(): void {
  assertProductionConfig({ app: 'worker', env: process.env });
}
