import { resolveClientIp, SOCKET_IP_HEADER, type TrustedCidr } from './client-ip';
import { authEnv } from './env';
import { consumeLoginAttempt, type RateLimitDecision } from './rate-limit';

/** Fetch `Headers`, or the plain object next-auth hands to `authorize`. */
export type HeaderSource =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>
  | null
  | undefined;

function headerValue(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof headers.get === 'function') {
    return (headers as { get(name: string): string | null }).get(name);
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(value) ? value.join(', ') : value) ?? null;
}

/**
 * The request's client address (see resolveClientIp), or null when the web app runs
 * without apps/web/server.mjs in front and so cannot know the socket peer.
 */
export function clientIpFromHeaders(
  headers: HeaderSource,
  trustedCidrs: readonly TrustedCidr[] = authEnv.TRUSTED_PROXY_CIDRS,
): string | null {
  return resolveClientIp({
    socketIp: headerValue(headers, SOCKET_IP_HEADER),
    forwardedFor: headerValue(headers, 'x-forwarded-for'),
    trustedCidrs,
  });
}

/**
 * Spec 004: one sign-in attempt from this request's client. Keyed on the resolved
 * address, so rewriting X-Forwarded-For does not buy new attempts. Requests whose
 * peer is unknown share one bucket rather than going unlimited.
 */
export async function consumeSignInAttempt(
  headers: HeaderSource,
  trustedCidrs?: readonly TrustedCidr[],
): Promise<RateLimitDecision & { ip: string }> {
  const ip = clientIpFromHeaders(headers, trustedCidrs) ?? 'unknown';
  return { ...(await consumeLoginAttempt(ip)), ip };
}
