// API tokens for programmatic clients (spec 004): an access token (15 min) and a refresh
// token (14 days) per login. Refresh rotates the refresh token inside its family; a
// refresh token presented again after it was rotated or revoked means it leaked, so every
// API token of that user in that org is revoked (`refresh_token_reuse_detected`).
import { createHash, randomBytes } from 'node:crypto';
import { AppError, recordAudit } from '@souk/core';
import { withTenant, type ApiTokenKind, type Db, type Tx } from '@souk/db';
import { authEnv } from './env';
import { verifyPassword } from './password';
import { consumeLoginAttempt, consumeRateLimit } from './rate-limit';
import { ROLE_PRIORITY } from './roles';
import type { SoukSession } from './session-type';
import { normalizeEmail } from './sessions';
import { verifyMfaCode } from './mfa';

export interface ApiTokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  /** Seconds the refresh token lives. */
  refreshExpiresIn: number;
  tokenType: 'Bearer';
}

/** The machine-readable `error` of a refused token request (REST answers carry it). */
export type ApiTokenErrorType =
  | 'invalid_credentials'
  | 'mfa_required'
  | 'invalid_token'
  | 'token_expired'
  | 'refresh_token_reuse_detected'
  | 'rate_limited';

const PREFIX: Record<ApiTokenKind, string> = { access: 'sat_', refresh: 'srt_' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

// Compared against when the email is unknown, so a miss costs as long as a hit
// (the same cost as sessions.ts's).
const DUMMY_HASH = '$2b$11$yYTWOX2lMxk2rVSBrr0eF.cwejtajmIvyLW6DCl0o1V.92.ooVtAm';

const INVALID_CREDENTIALS = 'Email or password is incorrect';
const MFA_REQUIRED =
  'Two-step verification is on for this account: send the 6-digit code from your authenticator app (or a recovery code) as `code`';

function refuse(
  code: 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS',
  type: ApiTokenErrorType,
  message: string,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message, { type, ...extra });
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// The org id travels in the token so the lookup can run under that org's RLS.
function mintToken(kind: ApiTokenKind, orgId: string): string {
  return `${PREFIX[kind]}${orgId}.${randomBytes(32).toString('base64url')}`;
}

/** The org a well-formed token names, or null (anything else is not ours). */
export function parseApiToken(kind: ApiTokenKind, token: string): { orgId: string } | null {
  if (!token.startsWith(PREFIX[kind])) return null;
  const [orgId, secret, ...rest] = token.slice(PREFIX[kind].length).split('.');
  if (rest.length > 0 || !orgId || !secret || !UUID.test(orgId) || !SECRET.test(secret)) {
    return null;
  }
  return { orgId: orgId.toLowerCase() };
}

function lifetimes() {
  return {
    accessSeconds: authEnv.ACCESS_TOKEN_EXPIRE_MINUTES * 60,
    refreshSeconds: authEnv.REFRESH_TOKEN_EXPIRE_DAYS * 24 * 60 * 60,
  };
}

/** Writes one access + refresh pair of `familyId` and returns it (the strings exist only here). */
async function createPair(
  tx: Tx,
  {
    orgId,
    userId,
    familyId,
    ip,
  }: { orgId: string; userId: string; familyId: string; ip: string | null },
) {
  const { accessSeconds, refreshSeconds } = lifetimes();
  const now = Date.now();
  const accessToken = mintToken('access', orgId);
  const refreshToken = mintToken('refresh', orgId);
  const base = { orgId, userId, familyId, ip };
  await tx.apiToken.create({
    data: {
      ...base,
      kind: 'access',
      tokenHash: hashApiToken(accessToken),
      expiresAt: new Date(now + accessSeconds * 1000),
    },
  });
  const refresh = await tx.apiToken.create({
    data: {
      ...base,
      kind: 'refresh',
      tokenHash: hashApiToken(refreshToken),
      expiresAt: new Date(now + refreshSeconds * 1000),
    },
  });
  const pair: ApiTokenPair = {
    accessToken,
    refreshToken,
    expiresIn: accessSeconds,
    refreshExpiresIn: refreshSeconds,
    tokenType: 'Bearer',
  };
  return { pair, refreshId: refresh.id };
}

/** The user's enabled membership: in `orgSlug`'s org, else the most privileged one. */
async function membershipFor(db: Db, userId: string, orgSlug?: string) {
  const memberships = await withTenant(db, { userId }, (tx) =>
    tx.membership.findMany({
      where: { userId, disabledAt: null, ...(orgSlug ? { org: { slug: orgSlug } } : {}) },
      include: { org: { select: { id: true, slug: true, name: true } } },
    }),
  );
  return (
    memberships.sort((a, b) => ROLE_PRIORITY.indexOf(a.role) - ROLE_PRIORITY.indexOf(b.role))[0] ??
    null
  );
}

/**
 * Exchanges credentials for a token pair (a new family per login). Limited like
 * sign-in (5 per minute per client address, the same bucket). A wrong email, password,
 * disabled user or an org the user is not in all read "Email or password is incorrect";
 * only after a correct password does the caller learn that a code is needed.
 */
export async function issueApiTokens({
  db,
  email,
  password,
  code,
  orgSlug,
  ip,
}: {
  db: Db;
  email: string;
  password: string;
  code?: string | null;
  orgSlug?: string | null;
  ip: string | null;
}): Promise<ApiTokenPair> {
  const limit = await consumeLoginAttempt(ip ?? 'unknown');
  if (!limit.allowed) {
    throw refuse(
      'TOO_MANY_REQUESTS',
      'rate_limited',
      `Too many sign-in attempts: try again in ${limit.retryAfterSeconds} seconds`,
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) {
    throw refuse('UNAUTHORIZED', 'invalid_credentials', INVALID_CREDENTIALS);
  }
  const membership = await membershipFor(db, user.id, orgSlug ?? undefined);
  if (!membership) throw refuse('UNAUTHORIZED', 'invalid_credentials', INVALID_CREDENTIALS);

  if (user.totpEnabledAt) {
    if (!code || !(await verifyMfaCode({ db, userId: user.id, code }))) {
      throw refuse('UNAUTHORIZED', 'mfa_required', MFA_REQUIRED);
    }
  }

  const { pair } = await withTenant(db, { orgId: membership.orgId }, (tx) =>
    createPair(tx, { orgId: membership.orgId, userId: user.id, familyId: crypto.randomUUID(), ip }),
  );
  return pair;
}

type RefreshOutcome =
  | { kind: 'rotated'; pair: ApiTokenPair }
  | { kind: 'reused' }
  | { kind: 'expired' }
  | { kind: 'invalid' };

async function rotate(
  tx: Tx,
  orgId: string,
  tokenHash: string,
  ip: string | null,
): Promise<RefreshOutcome> {
  const row = await tx.apiToken.findUnique({ where: { tokenHash } });
  if (!row || row.kind !== 'refresh') return { kind: 'invalid' };
  if (row.revokedAt) {
    const now = new Date();
    const { count } = await tx.apiToken.updateMany({
      where: { userId: row.userId, revokedAt: null },
      data: { revokedAt: now },
    });
    // Nobody is signed in here: whoever presented the token may not be its owner.
    await recordAudit(
      { tx, orgId, actor: null, requestId: null, ip },
      {
        action: 'api_token.reuse_detected',
        entityType: 'user',
        entityId: row.userId,
        after: { familyId: row.familyId, revokedTokens: count },
      },
    );
    return { kind: 'reused' };
  }
  if (row.expiresAt <= new Date()) return { kind: 'expired' };
  const user = await tx.user.findUnique({ where: { id: row.userId } });
  const membership = await tx.membership.findFirst({
    where: { userId: row.userId, orgId, disabledAt: null },
  });
  if (!user || user.disabledAt || !membership) return { kind: 'invalid' };

  // Only one of two concurrent refreshes of the same token wins; the other reads as reuse.
  const { count } = await tx.apiToken.updateMany({
    where: { id: row.id, revokedAt: null },
    data: { revokedAt: new Date(), lastUsedAt: new Date() },
  });
  if (count === 0) return { kind: 'reused' };
  const { pair, refreshId } = await createPair(tx, {
    orgId,
    userId: row.userId,
    familyId: row.familyId,
    ip,
  });
  await tx.apiToken.update({ where: { id: row.id }, data: { replacedById: refreshId } });
  return { kind: 'rotated', pair };
}

/**
 * Rotates a refresh token: it is revoked (pointing at its replacement) and a new access +
 * refresh pair of the same family comes back. 10 per minute per client address.
 */
export async function refreshApiTokens({
  db,
  refreshToken,
  ip,
}: {
  db: Db;
  refreshToken: string;
  ip: string | null;
}): Promise<ApiTokenPair> {
  const limit = await consumeRateLimit(
    'token-refresh',
    authEnv.REFRESH_RATE_LIMIT_PER_MINUTE,
    ip ?? 'unknown',
  );
  if (!limit.allowed) {
    throw refuse(
      'TOO_MANY_REQUESTS',
      'rate_limited',
      `Too many token refreshes: try again in ${limit.retryAfterSeconds} seconds`,
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }
  const parsed = parseApiToken('refresh', refreshToken);
  const invalid = () =>
    refuse('UNAUTHORIZED', 'invalid_token', 'This refresh token is not valid: sign in again');
  if (!parsed) throw invalid();
  // The revocation on reuse must commit even though the caller gets an error.
  const outcome = await withTenant(db, { orgId: parsed.orgId }, (tx) =>
    rotate(tx, parsed.orgId, hashApiToken(refreshToken), ip),
  );
  switch (outcome.kind) {
    case 'rotated':
      return outcome.pair;
    case 'reused':
      throw refuse(
        'UNAUTHORIZED',
        'refresh_token_reuse_detected',
        'This refresh token was already used: every token of this account has been revoked. Sign in again',
      );
    case 'expired':
      throw refuse(
        'UNAUTHORIZED',
        'token_expired',
        'This refresh token has expired: sign in again',
      );
    case 'invalid':
      throw invalid();
  }
}

// lastUsedAt is for the operator's eye, not an audit trail: one write a minute is enough.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The session an access token stands for, or null (unknown, revoked, expired, disabled
 * user or membership). `sid` is the api_tokens row id, not an auth_sessions row.
 * `mfaVerified` is true only when the login that started the token's family gave a valid
 * TOTP or recovery code, i.e. the user had TOTP on then and still has the same enrollment;
 * a user without TOTP gets false, exactly like their browser session, so
 * ADMIN_MFA_REQUIRED cannot be sidestepped by asking for a token.
 */
export async function resolveAccessToken({
  db,
  token,
}: {
  db: Db;
  token: string;
}): Promise<SoukSession | null> {
  const parsed = parseApiToken('access', token);
  if (!parsed) return null;
  const now = new Date();
  return withTenant(db, { orgId: parsed.orgId }, async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
    if (!row || row.kind !== 'access' || row.revokedAt || row.expiresAt <= now) return null;
    const [user, membership, familyStart] = await Promise.all([
      tx.user.findUnique({ where: { id: row.userId } }),
      tx.membership.findFirst({
        where: { userId: row.userId, orgId: row.orgId, disabledAt: null },
        include: { org: { select: { id: true, slug: true, name: true } } },
      }),
      tx.apiToken.findFirst({
        where: { familyId: row.familyId },
        orderBy: { createdAt: 'asc' },
        select: { createdAt: true },
      }),
    ]);
    if (!user || user.disabledAt || !membership) return null;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await tx.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    }
    const loginAt = familyStart?.createdAt ?? row.createdAt;
    return {
      user: { id: user.id, email: user.email, name: user.name },
      orgId: membership.org.id,
      orgSlug: membership.org.slug,
      orgName: membership.org.name,
      role: membership.role,
      sid: row.id,
      mfaVerified: user.totpEnabledAt !== null && user.totpEnabledAt <= loginAt,
      breakGlassId: null,
      mustChangePassword: user.mustChangePassword,
    };
  });
}

/**
 * Revokes every live API token of a user: in one org, or in every org they belong to
 * (sign out everywhere, a password reset, disabling the user). Returns how many.
 */
export async function revokeUserApiTokens({
  db,
  userId,
  orgId,
}: {
  db: Db;
  userId: string;
  orgId?: string;
}): Promise<number> {
  const orgIds = orgId
    ? [orgId]
    : (
        await withTenant(db, { userId }, (tx) =>
          tx.membership.findMany({ where: { userId }, select: { orgId: true } }),
        )
      ).map((m) => m.orgId);
  let revoked = 0;
  for (const id of orgIds) {
    const { count } = await withTenant(db, { orgId: id }, (tx) =>
      tx.apiToken.updateMany({
        where: { userId, revokedAt: null },
        data: { revokedAt: new Date() },
      }),
    );
    revoked += count;
  }
  return revoked;
}
