import type { Db, Role } from '@souk/db';
import { withTenant } from '@souk/db';
import { ROLE_PRIORITY } from './roles';
import { authEnv } from './env';
import { requireMfaCode } from './mfa';
import { verifyPassword } from './password';

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
  sid: string;
  mfaVerified: boolean;
  breakGlassId: string | null;
  mustChangePassword: boolean;
}

// Compared against when the email is unknown, so a miss costs as long as a hit.
const DUMMY_HASH = '$2b$11$yYTWOX2lMxk2rVSBrr0eF.cwejtajmIvyLW6DCl0o1V.92.ooVtAm';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// A membership disabled by its org counts as absent: sign-in lands on another enabled
// one, and a session opened on the disabled org stops working.
async function primaryMembership(db: Db, userId: string, orgId?: string) {
  const memberships = await withTenant(db, { userId, orgId: orgId ?? null }, (tx) =>
    tx.membership.findMany({
      where: { userId, disabledAt: null, ...(orgId ? { orgId } : {}) },
      include: { org: { select: { id: true, slug: true, name: true } } },
    }),
  );
  return (
    memberships.sort((a, b) => ROLE_PRIORITY.indexOf(a.role) - ROLE_PRIORITY.indexOf(b.role))[0] ??
    null
  );
}

/**
 * Checks credentials and opens a server-side session. Null means "email or password is
 * incorrect". A user with TOTP on also needs `code` (a 6-digit or recovery code), asked
 * for only after the password was right: without a good one it throws MfaRequiredError
 * (details.type `mfa_required`) and opens no session.
 */
export async function authenticate({
  db,
  email,
  password,
  code,
  ip,
  userAgent,
}: {
  db: Db;
  email: string;
  password: string;
  code?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) return null;

  const membership = await primaryMembership(db, user.id);
  if (!membership) return null;

  // Whatever the role: someone who enrolled expects their code to be asked for.
  const mfaVerified = Boolean(user.totpEnabledAt);
  if (mfaVerified) await requireMfaCode({ db, userId: user.id, code });

  const session = await db.authSession.create({
    data: {
      userId: user.id,
      activeOrgId: membership.orgId,
      mfaVerified,
      expiresAt: new Date(Date.now() + authEnv.SESSION_MAX_AGE_SECONDS * 1000),
      ip: ip ?? null,
      userAgent: userAgent?.slice(0, 500) ?? null,
    },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    orgId: membership.org.id,
    orgSlug: membership.org.slug,
    orgName: membership.org.name,
    role: membership.role,
    sid: session.id,
    mfaVerified: session.mfaVerified,
    breakGlassId: session.breakGlassId,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * Re-reads a session on every request: revoked, expired, disabled users, disabled or
 * removed memberships end access at once, and a role change applies on the next request.
 */
export async function loadSession({
  db,
  sid,
}: {
  db: Db;
  sid: string;
}): Promise<SessionUser | null> {
  const session = await db.authSession.findUnique({ where: { id: sid }, include: { user: true } });
  if (!session || session.revokedAt || session.expiresAt <= new Date()) return null;
  if (session.user.disabledAt || !session.activeOrgId) return null;
  const membership = await primaryMembership(db, session.userId, session.activeOrgId);
  if (!membership) return null;
  return {
    id: session.user.id,
    email: session.user.email,
    name: session.user.name,
    orgId: membership.org.id,
    orgSlug: membership.org.slug,
    orgName: membership.org.name,
    role: membership.role,
    sid: session.id,
    mfaVerified: session.mfaVerified,
    breakGlassId: session.breakGlassId,
    mustChangePassword: session.user.mustChangePassword,
  };
}

export async function revokeSession({ db, sid }: { db: Db; sid: string }): Promise<void> {
  await db.authSession.updateMany({
    where: { id: sid, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

export async function revokeUserSessions({
  db,
  userId,
}: {
  db: Pick<Db, 'authSession'>;
  userId: string;
}): Promise<number> {
  const { count } = await db.authSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}
