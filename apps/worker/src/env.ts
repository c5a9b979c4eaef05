import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('true')
  .transform((v) => v === 'true' || v === '1');

// The one place apps/worker reads process.env.
export const workerEnv = z
  .object({
    DATABASE_URL: z
      .string()
      .url({ message: 'DATABASE_URL is required (the owner connection; `pnpm start` sets it)' }),
    WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    JOBS_ENABLED: flag,
    HEARTBEAT_CRON: z.string().default('* * * * *'),
  })
  .parse(process.env);
