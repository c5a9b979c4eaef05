import type { Role, Tx } from '@souk/db';

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
