import { describe, expect, it } from 'vitest';
import {
  checkPortalFileLink,
  checkPortalLink,
  hashPortalSessionToken,
  newPortalSessionToken,
  orgOfPortalSessionToken,
  portalFileUrl,
  signPortalLink,
} from './portal-link';

const secret = 'unit-test-portal-secret-0123456789abcdef';
const orgId = '11111111-2222-4333-8444-555555555555';
const otherOrg = '99999999-2222-4333-8444-555555555555';
const tokenId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const now = new Date('2027-01-10T12:00:00Z');
const inFifteen = new Date(now.getTime() + 15 * 60_000);

describe('portal magic links', () => {
  it('round-trips the token id, org and expiry', () => {
    const token = signPortalLink({ tokenId, orgId, expiresAt: inFifteen }, secret);
    expect(token.split('.')).toHaveLength(4);
    expect(checkPortalLink(token, secret, now)).toEqual({
      ok: true,
      tokenId,
      orgId,
      expiresAt: inFifteen,
    });
  });

  it('refuses a changed org, a changed expiry, another secret and garbage as not valid', () => {
    const token = signPortalLink({ tokenId, orgId, expiresAt: inFifteen }, secret);
    const [id, , exp, sig] = token.split('.');
    const invalid = { ok: false, reason: 'invalid' };
    expect(checkPortalLink(`${id}.${otherOrg}.${exp}.${sig}`, secret, now)).toEqual(invalid);
    expect(checkPortalLink(`${id}.${orgId}.${Number(exp) + 3600}.${sig}`, secret, now)).toEqual(
      invalid,
    );
    expect(checkPortalLink(token, 'another-secret-0123456789abcdef0123', now)).toEqual(invalid);
    expect(checkPortalLink(`${token}x`, secret, now)).toEqual(invalid);
    expect(checkPortalLink('', secret, now)).toEqual(invalid);
    expect(checkPortalLink(`${token}.extra`, secret, now)).toEqual(invalid);
  });

  it('refuses a genuine link past its expiry as expired', () => {
    const token = signPortalLink({ tokenId, orgId, expiresAt: inFifteen }, secret);
    expect(checkPortalLink(token, secret, new Date(inFifteen.getTime() + 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});

describe('portal session tokens', () => {
  it('carry their org, are random, and hash to 64 hex characters', () => {
    const a = newPortalSessionToken(orgId);
    const b = newPortalSessionToken(orgId);
    expect(a).not.toBe(b);
    expect(orgOfPortalSessionToken(a)).toBe(orgId);
    expect(hashPortalSessionToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(orgOfPortalSessionToken('ps_not-an-org.abc')).toBeNull();
    expect(orgOfPortalSessionToken(a.replace('ps_', 'xx_'))).toBeNull();
  });
});

describe('portal file links', () => {
  const uploadId = 'cccccccc-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  const query = (url: string) => new URL(url, 'http://x').searchParams;

  it('is an app path, valid until it expires, for its org only', () => {
    const url = portalFileUrl({ orgId, uploadId, expiresAt: inFifteen }, secret);
    expect(url.startsWith(`/api/portal/files/${uploadId}?`)).toBe(true);
    const link = { orgId, uploadId, exp: query(url).get('exp'), sig: query(url).get('sig') };
    expect(checkPortalFileLink(link, secret, now)).toEqual({ ok: true });
    expect(checkPortalFileLink(link, secret, new Date(inFifteen.getTime() + 1))).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(checkPortalFileLink({ ...link, orgId: otherOrg }, secret, now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(checkPortalFileLink({ ...link, sig: `${link.sig}A` }, secret, now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(
      checkPortalFileLink({ ...link, exp: String(Number(link.exp) + 60) }, secret, now),
    ).toEqual({ ok: false, reason: 'invalid' });
  });
});
