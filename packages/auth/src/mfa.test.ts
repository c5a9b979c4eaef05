import { describe, expect, it } from 'vitest';
import {
  deriveSealingKey,
  generateRecoveryCode,
  hashRecoveryCode,
  sealSecret,
  unsealSecret,
} from './mfa';

const key = deriveSealingKey('a-test-secret-of-at-least-32-characters');
const userId = '00000000-0000-4000-8000-000000000001';

describe('sealing the TOTP secret', () => {
  it('round-trips, and the sealed text neither shows the secret nor repeats', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const sealed = sealSecret(secret, userId, key);
    expect(sealed).not.toContain(secret);
    expect(sealSecret(secret, userId, key)).not.toBe(sealed);
    expect(unsealSecret(sealed, userId, key)).toBe(secret);
  });

  it('does not open with another key, for another user, or once altered', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', userId, key);
    const otherKey = deriveSealingKey('another-secret-of-at-least-32-characters!');
    expect(() => unsealSecret(sealed, userId, otherKey)).toThrow();
    expect(() => unsealSecret(sealed, '00000000-0000-4000-8000-000000000002', key)).toThrow();
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = `${body!.startsWith('A') ? 'B' : 'A'}${body!.slice(1)}`;
    expect(() => unsealSecret([version, iv, tag, flipped].join('.'), userId, key)).toThrow();
    expect(() => unsealSecret('not-a-sealed-value', userId, key)).toThrow(/unknown format/);
  });
});

describe('recovery codes', () => {
  it('look like xxxx-xxxx-xx in base32 letters and digits, and differ', () => {
    const codes = Array.from({ length: 50 }, generateRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{2}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('hash the same however the person types them', () => {
    const code = 'abcd-efgh-jk';
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(' ABCD EFGH JK ')).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode('abcdefghjm')).not.toBe(hashRecoveryCode(code));
  });
});
