import type { TenantContext } from '../context';
import type { PortalClient } from './portal-client';

/** Sign out: the session stops working at once, wherever its token was copied to. */
export async function revokePortalSession({
  ctx,
  client,
  now = new Date(),
}: {
  ctx: TenantContext;
  client: PortalClient;
  now?: Date;
}): Promise<{ signedOut: true }> {
  await ctx.tx.portalSession.updateMany({
    where: { id: client.sessionId, revokedAt: null },
    data: { revokedAt: now },
  });
  return { signedOut: true };
}
