import { z } from 'zod';
import { assertProductionConfig, DEV_DEFAULTS } from '@souk/core/production-config';

// The one place apps/web reads process.env (NEXT_PUBLIC_* are inlined at build time).
export const webEnv = z
  .object({
    NEXTAUTH_URL: z.string().url().optional(),
    NEXT_PUBLIC_PAYMENTS_MODE: z.enum(['sandbox', 'stripe']).default('sandbox'),
    // Server-only (spec 001 X-API-Key): sent on in-process calls to internal
    // procedures; never NEXT_PUBLIC, never sent to the browser.
    CHECKOUT_API_KEY: z.string().min(16).default(DEV_DEFAULTS.CHECKOUT_API_KEY),
    // Spec 003 QA: with this set at build time the success page renders a fixed
    // preview orchestration and never calls the API (UI checks without a backend).
    NEXT_PUBLIC_E2E_AUTH_BYPASS: z
      .enum(['true', 'false', ''])
      .default('false')
      .transform((v) => v === 'true'),
  })
  .parse({
    NEXTAUTH_URL: process.env.NEXTAUTH_URL,
    NEXT_PUBLIC_PAYMENTS_MODE: process.env.NEXT_PUBLIC_PAYMENTS_MODE,
    CHECKOUT_API_KEY: process.env.CHECKOUT_API_KEY,
    NEXT_PUBLIC_E2E_AUTH_BYPASS: process.env.NEXT_PUBLIC_E2E_AUTH_BYPASS,
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
