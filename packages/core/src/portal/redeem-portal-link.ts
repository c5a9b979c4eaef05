import { withOrg, type Db } from '@souk/db';
import { recordAudit } from '../audit/record-audit';
import { coreEnv } from '../env';
import { AppError } from '../errors';
import { checkPortalLink, hashPortalSessionToken, newPortalSessionToken } from './portal-link';
import { PORTAL_LINK_PROBLEMS, type PortalLinkProblem } from './portal-messages';

function refused(reason: PortalLinkProblem): AppError {
  // A used link is a conflict with what already happened; the others are bad links.
  return new AppError(
    reason === 'used' ? 'CONFLICT' : 'BAD_REQUEST',
    PORTAL_LINK_PROBLEMS[reason],
    {
      reason,
    },
  );
}

/**
 * Opens a portal session from a magic link. The link's signature and expiry are checked
 * before anything is read; then one conditional UPDATE marks the link used, so of two
 * concurrent clicks exactly one gets a session. The session token is returned once and
 * stored only as its SHA-256.
 */
export async function redeemPortalLink({
  db,
  token,
  requestId = null,
  ip = null,
  now = new Date(),
  secret = coreEnv.CLIENT_PORTAL_SECRET,
  sessionTtlHours = coreEnv.CLIENT_PORTAL_SESSION_TTL_HOURS,
}: {
  db: Db;
  token: string;
  requestId?: string | null;
  ip?: string | null;
  now?: Date;
  secret?: string;
  sessionTtlHours?: number;
}): Promise<{ sessionToken: string; email: string; orgId: string; expiresAt: Date }> {
  const check = checkPortalLink(token, secret, now);
  if (!check.ok) throw refused(check.reason);
  const { tokenId, orgId } = check;

  return withOrg(db, orgId, async (tx) => {
    const { count } = await tx.portalLoginToken.updateMany({
      where: { id: tokenId, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const row = await tx.portalLoginToken.findUnique({ where: { id: tokenId } });
    // RLS hides another org's row: a link naming the wrong org reads as not valid.
    if (!row) throw refused('invalid');
    if (count === 0) throw refused(row.usedAt ? 'used' : 'expired');

    const sessionToken = newPortalSessionToken(orgId);
    const expiresAt = new Date(now.getTime() + sessionTtlHours * 3_600_000);
    const session = await tx.portalSession.create({
      data: {
        orgId,
        email: row.email,
        tokenHash: hashPortalSessionToken(sessionToken),
        expiresAt,
        lastSeenAt: now,
      },
    });
    await recordAudit(
      { tx, orgId, actor: null, requestId, ip },
      {
        action: 'portal.signed_in',
        entityType: 'portal_session',
        entityId: session.id,
        after: { email: row.email, expiresAt },
      },
    );
    return { sessionToken, email: row.email, orgId, expiresAt };
  });
}
