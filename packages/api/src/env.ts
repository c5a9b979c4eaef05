import { z } from 'zod';
import { DEV_DEFAULTS } from '@souk/core/production-config';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

// The one place @souk/api reads process.env.
export const apiEnv = z
  .object({
    // Incident switch (spec 002): staff mutations are refused while reads keep working.
    ADMIN_READ_ONLY: flag,
    STOREFRONT_ORG_SLUG: z.string().min(1).default('demo'),
    // Server-only key for order creation and checkout sessions (spec 001). The web
    // server sends it on in-process calls; browsers never see it.
    CHECKOUT_API_KEY: z.string().min(16).default(DEV_DEFAULTS.CHECKOUT_API_KEY),
  })
  .parse(process.env);
