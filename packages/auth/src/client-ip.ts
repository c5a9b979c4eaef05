import ipaddr from 'ipaddr.js';

/**
 * Set by apps/web/server.mjs from the TCP socket on every request, overwriting
 * whatever the client sent under that name. `next start` offers no such thing: it
 * only fills X-Forwarded-For from the socket when the client sent none.
 */
export const SOCKET_IP_HEADER = 'x-souk-socket-ip';

export type TrustedCidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

type Parsed = ipaddr.IPv4 | ipaddr.IPv6;

/** Strips what proxies add around an address: brackets, a port, an IPv6 zone. */
function bareAddress(raw: string): string {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1] ?? '';
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const zone = value.indexOf('%');
  return zone === -1 ? value : value.slice(0, zone);
}

/** IPv4-mapped IPv6 (`::ffff:127.0.0.1`) becomes the IPv4 address it carries. */
function parseIp(raw: string | null | undefined): Parsed | null {
  if (!raw) return null;
  const value = bareAddress(raw);
  // ipaddr also reads `127.1` and `0x7f.0.0.1` as IPv4; a header carrying those is garbage.
  if (ipaddr.IPv4.isIPv4(value) && !ipaddr.IPv4.isValidFourPartDecimal(value)) return null;
  if (!ipaddr.isValid(value)) return null;
  const ip = ipaddr.parse(value);
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()
    ? (ip as ipaddr.IPv6).toIPv4Address()
    : ip;
}

function format(ip: Parsed): string {
  return ip.kind() === 'ipv6' ? (ip as ipaddr.IPv6).toRFC5952String() : ip.toString();
}

/** The canonical text of an address (mapped IPv6 as IPv4), or null when it is not one. */
export function normalizeIp(raw: string | null | undefined): string | null {
  const ip = parseIp(raw);
  return ip ? format(ip) : null;
}

/**
 * TRUSTED_PROXY_CIDRS: comma-separated ranges (`10.0.0.0/8, fd00::/8`); a bare
 * address is a range of one. Throws with the offending entry named.
 */
export function parseTrustedCidrs(value: string | undefined): TrustedCidr[] {
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    if (ipaddr.isValidCIDR(entry)) {
      const [range, bits] = ipaddr.parseCIDR(entry);
      // `::ffff:10.0.0.0/104` matches the same sockets as 10.0.0.0/8 once those are unmapped.
      if (range.kind() === 'ipv6' && (range as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
        return [(range as ipaddr.IPv6).toIPv4Address(), bits - 96];
      }
      return [range, bits];
    }
    const ip = parseIp(entry);
    if (ip) return [ip, ip.kind() === 'ipv4' ? 32 : 128];
    throw new Error(
      `"${entry}" is not an IP range: write CIDRs such as 10.0.0.0/8 or fd00::/8, separated by commas`,
    );
  });
}

function isTrusted(ip: Parsed, trusted: readonly TrustedCidr[]): boolean {
  return trusted.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits));
}

/** True when the address (any form normalizeIp reads) falls in one of the ranges. */
export function ipInCidrs(raw: string | null | undefined, cidrs: readonly TrustedCidr[]): boolean {
  const ip = parseIp(raw);
  return ip !== null && isTrusted(ip, cidrs);
}

export interface ResolveClientIpOptions {
  /** The TCP peer (SOCKET_IP_HEADER); null when unknown (no custom server in front). */
  socketIp: string | null | undefined;
  /** The X-Forwarded-For header as received (several headers joined with commas). */
  forwardedFor: string | null | undefined;
  /** Our own proxies: only they may speak for the client through X-Forwarded-For. */
  trustedCidrs: readonly TrustedCidr[] | string | undefined;
}

/**
 * The client address every limit and audit row uses. Without trusted proxies it is
 * the socket peer and X-Forwarded-For is ignored (anyone can write it). When the
 * peer is a trusted proxy, X-Forwarded-For is walked from the right (each proxy
 * appends the address it saw) past our own proxies to the first address we do not
 * operate; if every hop is ours, the leftmost one. Unreadable entries stop the walk,
 * since nothing left of them was written by a proxy we trust.
 */
export function resolveClientIp({
  socketIp,
  forwardedFor,
  trustedCidrs,
}: ResolveClientIpOptions): string | null {
  const socket = parseIp(socketIp);
  if (!socket) return null;
  const trusted =
    typeof trustedCidrs === 'string' || trustedCidrs === undefined
      ? parseTrustedCidrs(trustedCidrs)
      : trustedCidrs;
  if (trusted.length === 0 || !isTrusted(socket, trusted)) return format(socket);

  const hops = (forwardedFor ?? '').split(',').map((s) => s.trim());
  let client = socket;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i];
    if (!hop) continue;
    const ip = parseIp(hop);
    if (!ip) break;
    client = ip;
    if (!isTrusted(ip, trusted)) break;
  }
  return format(client);
}
