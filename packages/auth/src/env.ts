import { z } from 'zod';

// `next build` runs with NODE_ENV=production but no runtime secrets; the secret is
// enforced when the server starts, not when it is built.
const isBuild = process.env.NEXT_PHASE === 'phase-production-build';
const isProduction =
  process.env.NODE_ENV === 'production' &&
  !isBuild &&
  process.env.SOUK_ALLOW_DEV_SECRETS !== 'true';

// The one place @souk/auth reads process.env.
const schema = z.object({
  NEXTAUTH_SECRET: isProduction
    ? z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters in production')
    : z.string().min(1).default('souk-dev-secret-not-for-production-use-0000'),
  SESSION_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(60 * 60 * 12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(5),
  REDIS_URL: z.string().url().optional(),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(11),
});

export const authEnv = schema.parse(process.env);
