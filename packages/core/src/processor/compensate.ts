import type { OrgScope, TenantContext } from '../context';
import { createLogger } from '../logger';

const log = createLogger('processor');

/**
 * Undoes, in a transaction of its own, what a flow persisted before a processor call
 * that then failed. A failing compensation is logged; the caller still throws the
 * original failure, which is what the person should hear about.
 */
export async function compensate(
  scope: OrgScope,
  what: string,
  undo: ((ctx: TenantContext) => Promise<unknown>) | undefined,
): Promise<void> {
  if (!undo) return;
  try {
    await scope.transaction(undo);
  } catch (error) {
    log.error({ orgId: scope.orgId, requestId: scope.requestId, err: error }, `${what} failed`);
  }
}
