import { createHash, randomBytes, randomInt } from 'node:crypto';

/** How long an emailed invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/**
 * `<orgId>.<32 random bytes, base64url>`. The org id lets acceptance (signed out, no org
 * yet) open that org's RLS transaction before looking the invitation up; only the hash
 * is stored, so a database read does not hand out working links.
 */
export function createInvitationToken(orgId: string): { token: string; tokenHash: string } {
  const token = `${orgId}.${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The org a token names, or null when it is not shaped like one of ours. */
export function orgIdOfInvitationToken(token: string): string | null {
  const [orgId, secret, ...rest] = token.split('.');
  if (!orgId || !secret || rest.length > 0 || !UUID.test(orgId) || !SECRET.test(secret)) {
    return null;
  }
  return orgId.toLowerCase();
}

// No 0/O, 1/l/I: the admin reads it out or types it into a chat.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 20 characters in groups of five (about 115 bits): never guessed, easy to pass on. */
export function generateTemporaryPassword(): string {
  const chars = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
