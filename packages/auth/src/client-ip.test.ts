import { describe, expect, it } from 'vitest';
import { normalizeIp, parseTrustedCidrs, resolveClientIp } from './client-ip';

describe('resolveClientIp', () => {
  it('ignores a spoofed X-Forwarded-For when no proxy is trusted', () => {
    expect(
      resolveClientIp({
        socketIp: '198.51.100.7',
        forwardedFor: '1.2.3.4, 5.6.7.8',
        trustedCidrs: [],
      }),
    ).toBe('198.51.100.7');
  });

  it('reads IPv4-mapped IPv6 sockets as the IPv4 client', () => {
    expect(
      resolveClientIp({ socketIp: '::ffff:127.0.0.1', forwardedFor: null, trustedCidrs: '' }),
    ).toBe('127.0.0.1');
    expect(normalizeIp('::FFFF:7f00:1')).toBe('127.0.0.1');
    expect(normalizeIp('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
  });

  it('is null when the socket address is unknown, whatever the headers say', () => {
    expect(
      resolveClientIp({ socketIp: null, forwardedFor: '1.2.3.4', trustedCidrs: '0.0.0.0/0' }),
    ).toBeNull();
  });

  it('trusts X-Forwarded-For only behind a trusted proxy', () => {
    // The socket is not one of ours: its header is just something the client wrote.
    expect(
      resolveClientIp({
        socketIp: '203.0.113.9',
        forwardedFor: '1.2.3.4',
        trustedCidrs: '10.0.0.0/8',
      }),
    ).toBe('203.0.113.9');
    expect(
      resolveClientIp({
        socketIp: '10.0.0.5',
        forwardedFor: '203.0.113.9',
        trustedCidrs: '10.0.0.0/8',
      }),
    ).toBe('203.0.113.9');
  });

  it('walks a chain of proxies from the right, past a spoofed left part', () => {
    // client claims 6.6.6.6; CDN (192.0.2.10) saw 203.0.113.9; the load balancer saw the CDN.
    expect(
      resolveClientIp({
        socketIp: '::ffff:10.1.2.3',
        forwardedFor: '6.6.6.6, 203.0.113.9, 192.0.2.10',
        trustedCidrs: '10.0.0.0/8, 192.0.2.0/24',
      }),
    ).toBe('203.0.113.9');
  });

  it('returns the leftmost hop when every hop is a trusted proxy', () => {
    expect(
      resolveClientIp({
        socketIp: '10.0.0.1',
        forwardedFor: '10.0.0.3, 10.0.0.2',
        trustedCidrs: '10.0.0.0/8',
      }),
    ).toBe('10.0.0.3');
    expect(
      resolveClientIp({ socketIp: '10.0.0.1', forwardedFor: '', trustedCidrs: '10.0.0.0/8' }),
    ).toBe('10.0.0.1');
  });

  it('stops at garbage entries instead of trusting what is left of them', () => {
    expect(
      resolveClientIp({
        socketIp: '10.0.0.1',
        forwardedFor: '1.2.3.4, not-an-ip, 10.0.0.2',
        trustedCidrs: '10.0.0.0/8',
      }),
    ).toBe('10.0.0.2');
    expect(
      resolveClientIp({
        socketIp: '10.0.0.1',
        forwardedFor: '0x7f.1, 999.1.1.1',
        trustedCidrs: '10.0.0.0/8',
      }),
    ).toBe('10.0.0.1');
  });

  it('reads ports, brackets and IPv6 hops written by proxies', () => {
    expect(
      resolveClientIp({
        socketIp: 'fd00::1',
        forwardedFor: '[2001:db8::7]:4711, 203.0.113.4:80',
        trustedCidrs: 'fd00::/8',
      }),
    ).toBe('203.0.113.4');
    expect(
      resolveClientIp({
        socketIp: 'fd00::1',
        forwardedFor: '[2001:db8::7]:4711',
        trustedCidrs: 'fd00::/8',
      }),
    ).toBe('2001:db8::7');
  });
});

describe('parseTrustedCidrs', () => {
  it('accepts CIDRs and single addresses, comma-separated', () => {
    expect(parseTrustedCidrs(' 10.0.0.0/8 ,fd00::/8, 192.0.2.1 ,')).toHaveLength(3);
    expect(parseTrustedCidrs(undefined)).toEqual([]);
  });

  it('names the entry it cannot read', () => {
    expect(() => parseTrustedCidrs('10.0.0.0/8, 10.0.0.0/33')).toThrow(
      '"10.0.0.0/33" is not an IP range: write CIDRs such as 10.0.0.0/8 or fd00::/8',
    );
    expect(() => parseTrustedCidrs('localhost')).toThrow('"localhost" is not an IP range');
  });
});
