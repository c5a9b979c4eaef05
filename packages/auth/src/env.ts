import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';
import { parseTrustedCidrs } from './client-ip';
import { failOnInvalidEnv, flag } from '@souk/core/env-helpers';
import { DEV_DEFAULTS } from '@souk/core/production-config';

// `next build` runs with NODE_ENV=production but no runtime secrets; the secret is
// enforced when the server starts, not when it is built.
const isBuild = process.env.NEXT_PHASE === 'phase-production-build';
const isProduction =
  process.env.NODE_ENV === 'production' &&
  !isBuild &&
  process.env.SOUK_ALLOW_DEV_SECRETS !== 'true';

/** A comma-separated CIDR list; a bad entry fails startup with the entry named. */
const cidrList = () =>
  z
    .string()
    .default('')
    .transform((value, ctx) => {
      try {
        return parseTrustedCidrs(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    });

// The one place @souk/auth reads process.env. Parsed at import so a bad deployment
// fails at boot, naming the variable.
export const authEnv = createEnv({
  server: {
    NEXTAUTH_SECRET: isProduction
      ? z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters in production')
      : z.string().min(1).default(DEV_DEFAULTS.NEXTAUTH_SECRET),
    SESSION_MAX_AGE_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(60 * 60 * 12),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(5),
    REDIS_URL: z.string().url().optional(),
    // https:// here turns on Secure, `__Secure-`-prefixed session cookies.
    NEXTAUTH_URL: z.string().url().optional(),
    BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(11),
    // API tokens for programmatic clients (spec 004): a short access token, a rotating refresh token.
    ACCESS_TOKEN_EXPIRE_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    REFRESH_TOKEN_EXPIRE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    REFRESH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
    PLANNER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
    // Invitations create the account at once with a temporary password shown to the
    // inviting admin (never emailed); off, the invite is an emailed link.
    EMAIL_TEMP_PASSWORDS: flag('false'),
    // Our own reverse proxies / load balancers. Unset: X-Forwarded-For is ignored and
    // the socket peer is the client (see client-ip.ts).
    TRUSTED_PROXY_CIDRS: cidrList(),
    // Spec 002 admin safety: staff procedures and /admin pages answer only to clients in
    // these ranges (resolved through TRUSTED_PROXY_CIDRS). Unset: no restriction.
    ADMIN_IP_ALLOWLIST_CIDRS: cidrList(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  onValidationError: failOnInvalidEnv('auth'),
});
