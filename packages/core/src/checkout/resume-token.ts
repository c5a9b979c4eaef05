import { createHmac, timingSafeEqual } from 'node:crypto';
import { coreEnv } from '../env';

// A resume link names the order and is signed, so it works without signing in
// and cannot be forged for someone else's order.
function signature(orderId: string, secret: string): string {
  return createHmac('sha256', secret).update(`resume:${orderId}`).digest('base64url').slice(0, 32);
}

export function resumeToken(orderId: string, secret = coreEnv.SOUK_LINK_SECRET): string {
  return `${orderId}.${signature(orderId, secret)}`;
}

export function verifyResumeToken(token: string, secret = coreEnv.SOUK_LINK_SECRET): string | null {
  const [orderId, sig] = token.split('.');
  if (!orderId || !sig) return null;
  const expected = Buffer.from(signature(orderId, secret));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? orderId : null;
}

export function resumeUrl(orderId: string, baseUrl = coreEnv.PUBLIC_WEB_URL): string {
  return `${baseUrl}/checkout/resume/${resumeToken(orderId)}`;
}
