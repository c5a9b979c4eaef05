import { z } from 'zod';

// The one place apps/web reads process.env (NEXT_PUBLIC_* are inlined at build time).
export const webEnv = z
  .object({
    NEXTAUTH_URL: z.string().url().optional(),
    NEXT_PUBLIC_PAYMENTS_MODE: z.enum(['sandbox', 'stripe']).default('sandbox'),
  })
  .parse({
    NEXTAUTH_URL: process.env.NEXTAUTH_URL,
    NEXT_PUBLIC_PAYMENTS_MODE: process.env.NEXT_PUBLIC_PAYMENTS_MODE,
  });
