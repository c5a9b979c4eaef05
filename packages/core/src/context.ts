import { withOrg, type Db, type Role, type Tx, type UnitOfWorkOptions } from '@souk/db';
import type { PaymentGateway } from '@souk/payments';
import { guardedGateway, markTransaction } from './processor/guarded-gateway';
import { resolveGateway } from './processor/resolve-gateway';

export interface Actor {
  userId: string;
  email: string;
  role: Role;
}

/** What every tenant use case gets: the open RLS-scoped transaction and who asked. */
export interface TenantContext {
  tx: Tx;
  orgId: string;
  actor: Actor | null;
  requestId: string | null;
  /** The client address (trusted-proxy aware), recorded on audit rows; absent off-request. */
  ip?: string | null;
}

/**
 * What a use case that talks to the payment processor gets instead of one open
 * transaction: it opens short transactions itself and calls the processor between
 * them (persist the intent, call with an idempotency key, persist the result).
 */
export interface OrgScope {
  readonly db: Db;
  readonly orgId: string;
  readonly actor: Actor | null;
  readonly requestId: string | null;
  readonly ip?: string | null;
  /**
   * The org's processor, resolved once per scope. Every call refuses to run while a
   * transaction of this scope (or any scope, further up the same call) is open.
   */
  gateway(): Promise<PaymentGateway>;
  /** One RLS-scoped unit of work for this org: everything in it commits or nothing does. */
  transaction<T>(fn: (ctx: TenantContext) => Promise<T>, options?: UnitOfWorkOptions): Promise<T>;
}

export interface OrgScopeOptions {
  db: Db;
  orgId: string;
  actor?: Actor | null;
  requestId?: string | null;
  ip?: string | null;
  /** Tests hand in a gateway bound to their sandbox; otherwise the org's processor account. */
  gateway?: PaymentGateway;
}

export function createOrgScope(options: OrgScopeOptions): OrgScope {
  const { db, orgId, actor = null, requestId = null, ip = null } = options;
  let openTransactions = 0;
  let gateway: Promise<PaymentGateway> | undefined;
  return {
    db,
    orgId,
    actor,
    requestId,
    ip,
    gateway() {
      gateway ??= (async () => {
        // Reading the org's credentials needs a transaction of its own, kept short.
        const inner =
          options.gateway ?? (await withOrg(db, orgId, (tx) => resolveGateway(tx, orgId)));
        return guardedGateway(inner, () => openTransactions > 0);
      })();
      return gateway;
    },
    async transaction(fn, unitOptions) {
      openTransactions += 1;
      try {
        return await markTransaction(() =>
          withOrg(db, orgId, (tx) => fn({ tx, orgId, actor, requestId, ip }), unitOptions),
        );
      } finally {
        openTransactions -= 1;
      }
    },
  };
}
