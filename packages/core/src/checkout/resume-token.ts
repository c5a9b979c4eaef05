import { createHmac, timingSafeEqual } from 'node:crypto';
import { coreEnv } from '../env';
import { AppError } from '../errors';

// A resume link names the order and when it was issued, and is signed, so it works
// without signing in, cannot be forged for someone else's order and stops working
// after RESUME_LINK_TTL_HOURS (a link in an old email must not open a payment page
// forever). Format: `<orderId>.<issued, unix seconds base36>.<signature>`.
function signature(orderId: string, issued: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(`resume:${orderId}:${issued}`)
    .digest('base64url')
    .slice(0, 32);
}

export const RESUME_LINK_EXPIRED =
  'This link has expired. Sign in and open My account to resume your order.';

export function resumeToken(
  orderId: string,
  { secret = coreEnv.SOUK_LINK_SECRET, now = new Date() }: { secret?: string; now?: Date } = {},
): string {
  const issued = Math.floor(now.getTime() / 1000).toString(36);
  return `${orderId}.${issued}.${signature(orderId, issued, secret)}`;
}

export type ResumeTokenCheck =
  { ok: true; orderId: string; issuedAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

export function checkResumeToken(
  token: string,
  {
    secret = coreEnv.SOUK_LINK_SECRET,
    now = new Date(),
    ttlHours = coreEnv.RESUME_LINK_TTL_HOURS,
  }: { secret?: string; now?: Date; ttlHours?: number } = {},
): ResumeTokenCheck {
  const [orderId, issued, sig, ...rest] = token.split('.');
  // Links from before expiry existed (`<orderId>.<signature>`) carry no issue time:
  // genuine ones count as expired, anything else as invalid.
  if (orderId && issued && sig === undefined) {
    const legacy = createHmac('sha256', secret)
      .update(`resume:${orderId}`)
      .digest('base64url')
      .slice(0, 32);
    const [a, b] = [Buffer.from(legacy), Buffer.from(issued)];
    const isLegacy = a.length === b.length && timingSafeEqual(a, b);
    return { ok: false, reason: isLegacy ? 'expired' : 'invalid' };
  }
  if (!orderId || !issued || !sig || rest.length > 0 || !/^[0-9a-z]{1,10}$/.test(issued)) {
    return { ok: false, reason: 'invalid' };
  }
  const expected = Buffer.from(signature(orderId, issued, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'invalid' };
  }
  const issuedAt = new Date(parseInt(issued, 36) * 1000);
  if (now.getTime() - issuedAt.getTime() > ttlHours * 3_600_000) {
    return { ok: false, reason: 'expired' };
  }
  return { ok: true, orderId, issuedAt };
}

/**
 * The order id of a valid, unexpired link; otherwise an AppError that says which:
 * an expired link reads as expired (BAD_REQUEST, `details.reason = 'expired'`), a
 * forged or mangled one as not valid (NOT_FOUND). Checked before anything is read or
 * written, so a refused link changes nothing.
 */
export function orderIdFromLink(
  token: string,
  now: Date,
  invalidMessage = 'This resume link is not valid',
): string {
  const check = checkResumeToken(token, { now });
  if (check.ok) return check.orderId;
  if (check.reason === 'expired') {
    throw new AppError('BAD_REQUEST', RESUME_LINK_EXPIRED, { reason: 'expired' });
  }
  throw new AppError('NOT_FOUND', invalidMessage);
}

/** The order id of a valid, unexpired token, or null. */
export function verifyResumeToken(
  token: string,
  options: { secret?: string; now?: Date; ttlHours?: number } = {},
): string | null {
  const check = checkResumeToken(token, options);
  return check.ok ? check.orderId : null;
}

export function resumeUrl(orderId: string, baseUrl = coreEnv.PUBLIC_WEB_URL): string {
  return `${baseUrl}/checkout/resume/${resumeToken(orderId)}`;
}
