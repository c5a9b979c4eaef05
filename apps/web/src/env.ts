import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';
import { apiEnv } from '@souk/api/env';
import { failOnInvalidEnv } from '@souk/core/env-helpers';
import { assertProductionConfig } from '@souk/core/production-config';

// The one place apps/web reads process.env. NEXT_PUBLIC_* are named one by one so
// Next inlines them at build time. CHECKOUT_API_KEY (server-only, spec 001
// X-API-Key: sent on in-process calls to internal procedures, never to the
// browser) comes from @souk/api's env.
export const webEnv = createEnv({
  server: {
    NEXTAUTH_URL: z.string().url().optional(),
  },
  client: {
    NEXT_PUBLIC_PAYMENTS_MODE: z.enum(['sandbox', 'stripe']).default('sandbox'),
    // Spec 003 QA: with this set at build time the success page renders a fixed
    // preview orchestration and never calls the API (UI checks without a backend).
    NEXT_PUBLIC_E2E_AUTH_BYPASS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    // With real Stripe (STRIPE_SECRET_KEY), booking payments use the Payment Element,
    // which needs the account's publishable key; unset keeps the card form off.
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: z
      .string()
      .startsWith('pk_', 'must be a Stripe publishable key (pk_test_… or pk_live_…)')
      .optional(),
  },
  experimental__runtimeEnv: {
    NEXT_PUBLIC_PAYMENTS_MODE: process.env.NEXT_PUBLIC_PAYMENTS_MODE,
    NEXT_PUBLIC_E2E_AUTH_BYPASS: process.env.NEXT_PUBLIC_E2E_AUTH_BYPASS,
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY,
  },
  extends: [apiEnv],
  emptyStringAsUndefined: true,
  onValidationError: failOnInvalidEnv('web'),
});

/**
 * Called from instrumentation.ts when the server starts: with NODE_ENV=production,
 * refuses development secrets and a plain-http NEXTAUTH_URL (ProductionConfigError
 * lists them all). `next build` also runs with NODE_ENV=production, without secrets.
 */
export function assertWebProductionConfig(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  assertProductionConfig({ app: 'web', env: process.env });
}
