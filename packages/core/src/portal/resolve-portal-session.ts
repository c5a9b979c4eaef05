import { withOrg, type Db } from '@souk/db';
import type { PortalClient } from './portal-client';
import { hashPortalSessionToken, orgOfPortalSessionToken } from './portal-link';

// lastSeenAt is for people reading the sessions list, not a clock: a write per page
// view would turn every read into a write.
const LAST_SEEN_GRANULARITY_MS = 60_000;

/** The client behind a portal session token (cookie or Bearer), or null when it is not live. */
export async function resolvePortalSession({
  db,
  token,
  now = new Date(),
}: {
  db: Db;
  token: string | null | undefined;
  now?: Date;
}): Promise<PortalClient | null> {
  if (!token) return null;
  const orgId = orgOfPortalSessionToken(token);
  if (!orgId) return null;
  return withOrg(db, orgId, async (tx) => {
    const session = await tx.portalSession.findUnique({
      where: { tokenHash: hashPortalSessionToken(token) },
    });
    if (!session || session.orgId !== orgId || session.revokedAt || session.expiresAt <= now) {
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) {
      await tx.portalSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
    }
    return {
      sessionId: session.id,
      orgId: session.orgId,
      email: session.email,
      expiresAt: session.expiresAt,
    };
  });
}
