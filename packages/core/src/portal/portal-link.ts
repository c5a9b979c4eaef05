import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Everything the client portal signs, pure so it can be unit-tested. The org rides in
// each token (covered by the signature) because RLS needs it before any row is read.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

function sameMac(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

// ---- magic links: `<tokenId>.<orgId>.<exp unix seconds>.<hmac>` ----

export interface PortalLinkClaims {
  tokenId: string;
  orgId: string;
  expiresAt: Date;
}

export function signPortalLink(claims: PortalLinkClaims, secret: string): string {
  const exp = unixSeconds(claims.expiresAt);
  const sig = mac(secret, `portal-link:v1:${claims.tokenId}:${claims.orgId}:${exp}`);
  return `${claims.tokenId}.${claims.orgId}.${exp}.${sig}`;
}

export type PortalLinkCheck =
  ({ ok: true } & PortalLinkClaims) | { ok: false; reason: 'invalid' | 'expired' };

/** Signature first (timing-safe), then expiry: a forged link never reads as "expired". */
export function checkPortalLink(token: string, secret: string, now: Date): PortalLinkCheck {
  const [tokenId, orgId, exp, sig, ...rest] = token.trim().split('.');
  if (
    !tokenId ||
    !orgId ||
    !exp ||
    !sig ||
    rest.length > 0 ||
    !isUuid(tokenId) ||
    !isUuid(orgId) ||
    !/^\d{1,12}$/.test(exp)
  ) {
    return { ok: false, reason: 'invalid' };
  }
  if (!sameMac(mac(secret, `portal-link:v1:${tokenId}:${orgId}:${exp}`), sig)) {
    return { ok: false, reason: 'invalid' };
  }
  const expiresAt = new Date(Number(exp) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, tokenId, orgId, expiresAt };
}

// ---- sessions: `ps_<orgId>.<random>`, stored as SHA-256 only ----

export const PORTAL_SESSION_PREFIX = 'ps_';

export function newPortalSessionToken(orgId: string): string {
  return `${PORTAL_SESSION_PREFIX}${orgId}.${randomBytes(32).toString('base64url')}`;
}

export function hashPortalSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The org of a well-formed session token (for RLS before the lookup), or null. */
export function orgOfPortalSessionToken(token: string): string | null {
  const match = /^ps_([0-9a-f-]{36})\.[A-Za-z0-9_-]{43}$/i.exec(token);
  return match?.[1] && isUuid(match[1]) ? match[1] : null;
}

// ---- file links: `/api/portal/files/<uploadId>?exp=<unix>&sig=<hmac>` ----

function fileMac(secret: string, orgId: string, uploadId: string, exp: number): string {
  return mac(secret, `portal-file:v1:${orgId}:${uploadId}:${exp}`);
}

/** An app URL (path) for one file of a booking; the route also checks who asks. */
export function portalFileUrl(
  { orgId, uploadId, expiresAt }: { orgId: string; uploadId: string; expiresAt: Date },
  secret: string,
): string {
  const exp = unixSeconds(expiresAt);
  const query = new URLSearchParams({
    exp: String(exp),
    sig: fileMac(secret, orgId, uploadId, exp),
  });
  return `/api/portal/files/${uploadId}?${query.toString()}`;
}

export type PortalFileLinkCheck = { ok: true } | { ok: false; reason: 'invalid' | 'expired' };

export function checkPortalFileLink(
  link: { orgId: string; uploadId: string; exp: string | null; sig: string | null },
  secret: string,
  now: Date,
): PortalFileLinkCheck {
  const { orgId, uploadId, exp, sig } = link;
  if (!exp || !sig || !/^\d{1,12}$/.test(exp) || !isUuid(uploadId) || !isUuid(orgId)) {
    return { ok: false, reason: 'invalid' };
  }
  if (!sameMac(fileMac(secret, orgId, uploadId, Number(exp)), sig)) {
    return { ok: false, reason: 'invalid' };
  }
  if (Number(exp) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true };
}
