import { describe, expect, it } from 'vitest';
import {
  readResetToken,
  RESET_TOKEN_TTL_MS,
  signResetToken,
  verifyResetToken,
} from './reset-token';

const secret = 'test-secret-that-is-long-enough-000000';
const userId = '5b0c7c9e-7d2a-4e55-9a53-2f4c1f1d9a10';
const passwordHash = '$2b$11$abcdefghijklmnopqrstuv';
const now = new Date('2031-06-15T10:00:00.000Z');
const expiresAt = new Date(now.getTime() + RESET_TOKEN_TTL_MS);

function token(overrides: Partial<Parameters<typeof signResetToken>[0]> = {}) {
  return signResetToken({ userId, passwordHash, expiresAt, secret, ...overrides });
}

describe('password reset tokens', () => {
  it('verifies for the user and password it was signed for, until it expires', () => {
    const t = token();
    expect(readResetToken(t)).toEqual({ userId, expiresAt });
    expect(verifyResetToken({ token: t, passwordHash, now, secret })).toBe(true);
    const justBefore = new Date(expiresAt.getTime() - 1000);
    expect(verifyResetToken({ token: t, passwordHash, now: justBefore, secret })).toBe(true);
    expect(verifyResetToken({ token: t, passwordHash, now: expiresAt, secret })).toBe(false);
  });

  it('fails once the password changed, so a link works only once', () => {
    const t = token();
    expect(verifyResetToken({ token: t, passwordHash: `${passwordHash}x`, now, secret })).toBe(
      false,
    );
    expect(verifyResetToken({ token: t, passwordHash: null, now, secret })).toBe(false);
  });

  it('fails under another secret, and when any part is altered', () => {
    const t = token();
    expect(verifyResetToken({ token: t, passwordHash, now, secret: `${secret}!` })).toBe(false);
    const [id, expiry, mac] = t.split('.') as [string, string, string];
    const later = (parseInt(expiry, 36) + 3_600_000).toString(36);
    const otherUser = '6b0c7c9e-7d2a-4e55-9a53-2f4c1f1d9a10';
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    for (const altered of [
      `${id}.${later}.${mac}`,
      `${otherUser}.${expiry}.${mac}`,
      `${id}.${expiry}.${flipped}`,
      `${id}.${expiry}.${mac}.extra`,
      `${id}.${expiry}`,
      '',
      'not-a-token',
    ]) {
      expect(verifyResetToken({ token: altered, passwordHash, now, secret }), altered).toBe(false);
    }
  });

  it('refuses a token that expired an hour ago', () => {
    const t = token({ expiresAt: new Date(now.getTime() - 60 * 60 * 1000) });
    expect(verifyResetToken({ token: t, passwordHash, now, secret })).toBe(false);
  });
});
