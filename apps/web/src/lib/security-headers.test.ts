import { describe, expect, it } from 'vitest';
import nextConfig from '../../next.config';
import { createNonce, isHttpsRequest, pageContentSecurityPolicy } from './security-headers';

describe('page Content-Security-Policy', () => {
  it('allows only scripts carrying this response’s nonce, and no framing or plugins', () => {
    const csp = pageContentSecurityPolicy({ nonce: 'abc123', isDev: false });
    const directives = Object.fromEntries(
      csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives['script-src']).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'self'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['form-action']).toBe("'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it("adds 'unsafe-eval' only for next dev", () => {
    expect(pageContentSecurityPolicy({ nonce: 'n', isDev: true })).toContain(
      "script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'",
    );
  });

  it('makes a different, unguessable nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('isHttpsRequest (HSTS only on https)', () => {
  const base = { requestUrl: 'http://127.0.0.1:3100/', forwardedProto: null, publicUrl: undefined };
  it('is false for a plain-http deployment', () => {
    expect(isHttpsRequest(base)).toBe(false);
    expect(isHttpsRequest({ ...base, publicUrl: 'http://127.0.0.1:3100' })).toBe(false);
  });
  it('is true behind TLS, however we learn it', () => {
    expect(isHttpsRequest({ ...base, publicUrl: 'https://shop.example' })).toBe(true);
    expect(isHttpsRequest({ ...base, forwardedProto: 'https' })).toBe(true);
    expect(isHttpsRequest({ ...base, forwardedProto: 'HTTPS, http' })).toBe(true);
    expect(isHttpsRequest({ ...base, requestUrl: 'https://shop.example/' })).toBe(true);
  });
});

describe('next.config headers', () => {
  it('sends nosniff, a referrer policy and no-framing on every path', async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const everywhere = rules.find((r) => r.source === '/:path*');
    expect(Object.fromEntries(everywhere?.headers.map((h) => [h.key, h.value]) ?? [])).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
  });
});
