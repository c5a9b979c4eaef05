import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('true')
  .transform((v) => v === 'true' || v === '1');

const schema = z.object({
  DATABASE_URL: z
    .string({ message: 'DATABASE_URL is required (the owner connection; `pnpm start` sets it)' })
    .url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOBS_ENABLED: flag,
  HEARTBEAT_CRON: z.string().default('* * * * *'),
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
