import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

// The one place @souk/db reads process.env. @souk/core's env extends this one, so
// SOUK_DATA_DIR is declared here only.
export const dbEnv = createEnv({
  server: {
    // Owner connection: migrations, bootstrap, pg-boss. Set by `pnpm start` to the
    // embedded server when the user did not provide one.
    DATABASE_URL: z.string().url().optional(),
    // Connection used by the app. Must be a NOSUPERUSER NOBYPASSRLS role so RLS
    // applies; derived from DATABASE_URL with the souk_app role when unset.
    DATABASE_APP_URL: z.string().url().optional(),
    DATABASE_APP_PASSWORD: z.string().min(1).default('souk_app_dev_password'),
    DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
    // Embedded server data, test templates and (when absolute) uploads.
    SOUK_DATA_DIR: z.string().default('.data'),
    EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54329),
    // The integration tests' own embedded server, so a running `pnpm start` is never touched.
    TEST_PG_PORT: z.coerce.number().int().positive().default(54330),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
export type DbEnv = typeof dbEnv;
