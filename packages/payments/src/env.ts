import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

// The one place @souk/payments reads process.env.
export const paymentsEnv = createEnv({
  server: {
    // Real Stripe (test or live) when set; otherwise the local sandbox at STRIPE_API_URL.
    STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    // Base URL of a Stripe-compatible API (the stripe-sandbox); `pnpm start` sets it.
    STRIPE_API_URL: z.string().url().optional(),
    // 32-byte key (64 hex chars or base64) for per-org credentials at rest.
    PAYMENTS_ENCRYPTION_KEY: z.string().min(32).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
