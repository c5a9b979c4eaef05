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

  const directivesOf = (csp: string) => {
    const directives: Record<string, string> = {};
    for (const directive of csp.split('; ')) {
      const [name = '', ...sources] = directive.split(' ');
      directives[name] = sources.join(' ');
    }
    return directives;
  };

  it('stays exactly as before without a Stripe publishable key', () => {
    const before = [
      "default-src 'self'",
      "script-src 'self' 'nonce-n' 'strict-dynamic'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' blob: data:",
      "font-src 'self'",
      "connect-src 'self' https:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    expect(pageContentSecurityPolicy({ nonce: 'n', isDev: false })).toBe(before);
    expect(pageContentSecurityPolicy({ nonce: 'n', isDev: false, stripeJs: false })).toBe(before);
  });

  it('with a publishable key, allows Stripe.js, its frames and its API, and nothing else changes', () => {
    const plain = directivesOf(pageContentSecurityPolicy({ nonce: 'n', isDev: false }));
    const withStripe = directivesOf(
      pageContentSecurityPolicy({ nonce: 'n', isDev: false, stripeJs: true }),
    );
    expect(withStripe['script-src']).toBe(
      "'self' 'nonce-n' 'strict-dynamic' https://js.stripe.com",
    );
    expect(withStripe['frame-src']).toBe("'self' https://js.stripe.com https://hooks.stripe.com");
    expect(withStripe['connect-src']).toBe("'self' https: https://api.stripe.com");
    const { 'script-src': _s, 'frame-src': _f, 'connect-src': _c, ...rest } = withStripe;
    const { 'script-src': _ps, 'connect-src': _pc, ...plainRest } = plain;
    expect(rest).toEqual(plainRest);
    expect(withStripe['frame-ancestors']).toBe("'none'");
    expect(withStripe['form-action']).toBe("'self'");
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
