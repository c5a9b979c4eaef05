import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { dbEnv } from './env';

export { PrismaClient };
export type Db = InstanceType<typeof PrismaClient>;

export const APP_ROLE = 'souk_app';
/** NOLOGIN role the payments router switches to (see router.ts and the migration's policies). */
export const PAYMENTS_ROUTER_ROLE = 'souk_payments_router';

/** The app's connection string: DATABASE_APP_URL, else DATABASE_URL with the souk_app role. */
export function appDatabaseUrl(ownerUrl = dbEnv.DATABASE_URL): string {
  if (dbEnv.DATABASE_APP_URL) return dbEnv.DATABASE_APP_URL;
  if (!ownerUrl) {
    throw new Error('DATABASE_URL is not set: start the platform with `pnpm start` or set it.');
  }
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = dbEnv.DATABASE_APP_PASSWORD;
  return url.toString();
}

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? dbEnv.DATABASE_POOL_MAX,
    // Fail fast instead of queueing forever when the pool is exhausted.
    connectionTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { soukDb?: Db };

/** Process-wide app client (RLS applies). Reused across Next.js hot reloads. */
export function getDb(): Db {
  globalForDb.soukDb ??= createDb(appDatabaseUrl());
  return globalForDb.soukDb;
}
