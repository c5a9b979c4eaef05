import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';
import { failOnInvalidEnv, flag } from '@souk/core/env-helpers';
import { DEV_DEFAULTS } from '@souk/core/production-config';

// The one place @souk/api reads process.env. apps/web's env extends this one.
export const apiEnv = createEnv({
  server: {
    // Incident switch (spec 002): staff mutations are refused while reads keep working.
    ADMIN_READ_ONLY: flag('false'),
    STOREFRONT_ORG_SLUG: z.string().min(1).default('demo'),
    // Server-only key for order creation and checkout sessions (spec 001). The web
    // server sends it on in-process calls; browsers never see it.
    CHECKOUT_API_KEY: z.string().min(16).default(DEV_DEFAULTS.CHECKOUT_API_KEY),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  onValidationError: failOnInvalidEnv('api'),
});
