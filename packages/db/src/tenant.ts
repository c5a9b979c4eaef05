import type { Db } from './client';
import type { Prisma } from './generated/prisma/client';

export type Tx = Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TenantScope {
  /** Tenant whose rows the unit of work may see and write. */
  orgId?: string | null;
  /** Lets a user read their own memberships across orgs (sign-in, org switch). */
  userId?: string | null;
}

export interface UnitOfWorkOptions {
  timeoutMs?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

function assertUuid(value: string, name: string): void {
  if (!UUID.test(value)) throw new Error(`${name} must be a UUID`);
}

/**
 * Runs one unit of work in a transaction whose RLS context is the given tenant.
 * Every tenant query goes through here: set_config(..., true) is transaction-local,
 * so the setting can never leak to the next user of a pooled connection.
 */
export async function withTenant<T>(
  db: Db,
  scope: TenantScope,
  fn: (tx: Tx) => Promise<T>,
  options: UnitOfWorkOptions = {},
): Promise<T> {
  if (scope.orgId) assertUuid(scope.orgId, 'orgId');
  if (scope.userId) assertUuid(scope.userId, 'userId');
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select set_config('app.current_org_id', ${scope.orgId ?? ''}, true),
                                  set_config('app.current_user_id', ${scope.userId ?? ''}, true)`;
      return fn(tx);
    },
    {
      maxWait: 10_000,
      timeout: options.timeoutMs ?? 15_000,
      ...(options.isolationLevel ? { isolationLevel: options.isolationLevel } : {}),
    },
  );
}

export function withOrg<T>(
  db: Db,
  orgId: string,
  fn: (tx: Tx) => Promise<T>,
  options?: UnitOfWorkOptions,
): Promise<T> {
  return withTenant(db, { orgId }, fn, options);
}
