import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { authEnv } from './env';

/** How long an emailed reset link works. */
export const RESET_TOKEN_TTL_MS = 30 * 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The token itself names no password material: the fingerprint only enters the HMAC, so
// a changed password (this reset included) makes every earlier link fail.
function fingerprint(passwordHash: string | null): string {
  return createHash('sha256')
    .update(passwordHash ?? '')
    .digest('base64url');
}

function signature(secret: string, userId: string, expiresAtMs: number, hash: string | null) {
  return createHmac('sha256', secret)
    .update(`souk.password-reset\n${userId}\n${expiresAtMs}\n${fingerprint(hash)}`)
    .digest('base64url');
}

/** `<userId>.<expiry ms, base 36>.<HMAC-SHA256>`: stateless, so nothing is stored per request. */
export function signResetToken({
  userId,
  passwordHash,
  expiresAt,
  secret = authEnv.NEXTAUTH_SECRET,
}: {
  userId: string;
  passwordHash: string | null;
  expiresAt: Date;
  secret?: string;
}): string {
  const expiresAtMs = expiresAt.getTime();
  return `${userId}.${expiresAtMs.toString(36)}.${signature(secret, userId, expiresAtMs, passwordHash)}`;
}

/** Who a token claims to be for, before it is checked against that user's password. */
export function readResetToken(token: string): { userId: string; expiresAt: Date } | null {
  const [userId, expiry, mac, ...rest] = token.split('.');
  if (!userId || !expiry || !mac || rest.length > 0 || !UUID.test(userId)) return null;
  if (!/^[0-9a-z]{1,12}$/.test(expiry)) return null;
  const expiresAtMs = parseInt(expiry, 36);
  if (!Number.isSafeInteger(expiresAtMs)) return null;
  return { userId: userId.toLowerCase(), expiresAt: new Date(expiresAtMs) };
}

/** True when the token was signed by us for this user's current password and has not expired. */
export function verifyResetToken({
  token,
  passwordHash,
  now = new Date(),
  secret = authEnv.NEXTAUTH_SECRET,
}: {
  token: string;
  passwordHash: string | null;
  now?: Date;
  secret?: string;
}): boolean {
  const claim = readResetToken(token);
  if (!claim || claim.expiresAt.getTime() <= now.getTime()) return false;
  const given = Buffer.from(token.slice(token.lastIndexOf('.') + 1));
  const expected = Buffer.from(
    signature(secret, claim.userId, claim.expiresAt.getTime(), passwordHash),
  );
  return given.length === expected.length && timingSafeEqual(given, expected);
}
