// Kept apart from the package index (next-auth, the database, Redis) so apps/web's proxy
// can gate /admin pages with nothing more than the settings and the address parser.
import { ipInCidrs, resolveClientIp, SOCKET_IP_HEADER, type TrustedCidr } from './client-ip';
import { authEnv } from './env';

/**
 * Spec 002 admin safety: why this client may not reach staff procedures or /admin
 * pages, in words, or null when it may. An empty allowlist restricts nothing; an
 * unknown address (no socket peer known) is refused rather than guessed.
 */
export function adminIpRefusal(
  ip: string | null,
  allowlist: readonly TrustedCidr[] = authEnv.ADMIN_IP_ALLOWLIST_CIDRS,
): string | null {
  if (allowlist.length === 0 || ipInCidrs(ip, allowlist)) return null;
  return `Your address (${ip ?? 'unknown'}) is not on the admin allowlist`;
}

/**
 * The same for a page request, with the client address resolved exactly as
 * clientIpFromHeaders does (socket peer, X-Forwarded-For only from trusted proxies).
 */
export function adminIpRefusalFor(headers: { get(name: string): string | null }): string | null {
  if (authEnv.ADMIN_IP_ALLOWLIST_CIDRS.length === 0) return null;
  const ip = resolveClientIp({
    socketIp: headers.get(SOCKET_IP_HEADER),
    forwardedFor: headers.get('x-forwarded-for'),
    trustedCidrs: authEnv.TRUSTED_PROXY_CIDRS,
  });
  return adminIpRefusal(ip);
}
