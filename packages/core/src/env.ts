import { z } from 'zod';

// The one place @souk/core reads process.env.
export const coreEnv = z
  .object({
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  })
  .parse(process.env);
