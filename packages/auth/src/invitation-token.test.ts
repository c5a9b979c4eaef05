import { describe, expect, it } from 'vitest';
import {
  createInvitationToken,
  generateTemporaryPassword,
  hashInvitationToken,
  orgIdOfInvitationToken,
} from './invitation-token';

const ORG = '3f1c2a4e-8b7d-4c6e-9a1b-2c3d4e5f6a7b';

describe('invitation tokens', () => {
  it('name their org, differ every time and are stored only as a hash', () => {
    const a = createInvitationToken(ORG);
    const b = createInvitationToken(ORG);
    expect(a.token).toMatch(new RegExp(`^${ORG}\\.[A-Za-z0-9_-]{43}$`));
    expect(a.token).not.toBe(b.token);
    expect(orgIdOfInvitationToken(a.token)).toBe(ORG);
    expect(a.tokenHash).toBe(hashInvitationToken(a.token));
    expect(a.tokenHash).not.toContain(a.token.split('.')[1]);
  });

  it('a token not shaped like ours names no org', () => {
    const { token } = createInvitationToken(ORG);
    for (const bad of [
      '',
      'nonsense',
      `${ORG}`,
      `${ORG}.short`,
      `not-a-uuid.${'A'.repeat(43)}`,
      `${token}.extra`,
      `${ORG}.${'A'.repeat(42)}!`,
    ]) {
      expect(orgIdOfInvitationToken(bad)).toBeNull();
    }
  });
});

describe('temporary passwords', () => {
  it('are 20 unambiguous characters in groups of five, never the same twice', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const password = generateTemporaryPassword();
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
      expect(password).not.toMatch(/[01lIoO]/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
