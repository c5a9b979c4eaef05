import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';
import { failOnInvalidEnv, flag } from '@souk/core/env-helpers';
import { DEV_DEFAULTS } from '@souk/core/production-config';

// The one place @souk/api reads process.env. apps/web's env extends this one.
export const apiEnv = createEnv({
  server: {
    // Incident switch (spec 002): staff mutations are refused while reads keep working.
    ADMIN_READ_ONLY: flag('false'),
    // Spec 002 admin MFA: OWNER/ADMIN staff work needs a session signed in with a code.
    ADMIN_MFA_REQUIRED: flag('false'),
    STOREFRONT_ORG_SLUG: z.string().min(1).default('demo'),
    // How long a storefront product stays in a web instance's cache at most. Changes reach
    // every instance through the catalog trigger's notification long before; this only
    // bounds a notification lost to a silent network fault. 0 turns the cache off.
    STOREFRONT_CACHE_TTL_SECONDS: z.coerce
      .number()
      .int('STOREFRONT_CACHE_TTL_SECONDS must be a whole number of seconds')
      .min(0, 'STOREFRONT_CACHE_TTL_SECONDS must be 0 (off) or more')
      .max(3600, 'STOREFRONT_CACHE_TTL_SECONDS must be at most 3600')
      .default(60),
    // Server-only key for order creation and checkout sessions (spec 001). The web
    // server sends it on in-process calls; browsers never see it.
    CHECKOUT_API_KEY: z.string().min(16).default(DEV_DEFAULTS.CHECKOUT_API_KEY),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  onValidationError: failOnInvalidEnv('api'),
});
