import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkResumeToken, resumeToken } from './resume-token';

const SECRET = 'test-secret-at-least-16';
const ORDER = '4a0e8f0e-1f7b-4c53-9a51-0b6f7b8c9d10';
const TTL_HOURS = 168;
const issuedAt = new Date('2026-11-01T12:00:00Z');
const at = (offsetSeconds: number) =>
  new Date(issuedAt.getTime() + TTL_HOURS * 3_600_000 + offsetSeconds * 1000);

describe('resume links expire', () => {
  const token = resumeToken(ORDER, { secret: SECRET, now: issuedAt });
  const check = (now: Date) =>
    checkResumeToken(token, { secret: SECRET, now, ttlHours: TTL_HOURS });

  it('works until the TTL (10 minutes before it) and is expired after it (10 minutes after)', () => {
    expect(check(at(-600))).toMatchObject({ ok: true, orderId: ORDER });
    expect(check(at(600))).toEqual({ ok: false, reason: 'expired' });
  });

  it('a changed issue time or order id breaks the signature', () => {
    const [order, , sig] = token.split('.');
    const later = Math.floor(at(0).getTime() / 1000).toString(36);
    expect(checkResumeToken(`${order}.${later}.${sig}`, { secret: SECRET, now: issuedAt })).toEqual(
      {
        ok: false,
        reason: 'invalid',
      },
    );
    expect(
      checkResumeToken(token.replace(ORDER.slice(0, 4), 'ffff'), { secret: SECRET, now: issuedAt }),
    ).toEqual({ ok: false, reason: 'invalid' });
  });

  it('an old link without an issue time counts as expired; a forged one as invalid', () => {
    const legacySig = createHmac('sha256', SECRET)
      .update(`resume:${ORDER}`)
      .digest('base64url')
      .slice(0, 32);
    expect(checkResumeToken(`${ORDER}.${legacySig}`, { secret: SECRET })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(checkResumeToken(`${ORDER}.${'x'.repeat(32)}`, { secret: SECRET })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});
