import { describe, expect, it } from 'vitest';
import { coreEnv } from './env';
import { payBookingInput, payoutSetupInput } from './marketplace/redirect-schemas';
import { allowedRedirectHosts } from './redirect-url';
import { redirectUrl } from './validation';

const hosts = allowedRedirectHosts({
  PUBLIC_WEB_URL: 'https://shop.souk.test',
  ALLOWED_REDIRECT_HOSTS: ['partner.example.com'],
});
const schema = redirectUrl({ allowedHosts: hosts, label: 'The return URL' });
const errorOf = (value: string) => schema.safeParse(value).error?.issues[0]?.message ?? null;

describe('redirectUrl()', () => {
  it('accepts http(s) URLs on the storefront host and the allowed list', () => {
    expect(hosts).toEqual(['shop.souk.test', 'partner.example.com']);
    expect(errorOf('https://shop.souk.test/vendor/profile?payouts=return')).toBeNull();
    expect(errorOf('https://partner.example.com/back')).toBeNull();
  });

  it.each([
    ['javascript:alert(document.cookie)', 'The return URL must start with http:// or https://'],
    [
      'data:text/html,<script>alert(1)</script>',
      'The return URL must start with http:// or https://',
    ],
    [
      'http://169.254.169.254/latest/meta-data/',
      'The return URL must not point at a link-local address',
    ],
    ['http://[fe80::1]/', 'The return URL must not point at a link-local address'],
    [
      'https://evil.example/phish',
      'The return URL must point at this site (shop.souk.test, partner.example.com)',
    ],
    [
      'https://shop.souk.test@evil.example/',
      'The return URL must not contain a user name or password',
    ],
    [
      'https://shop.souk.test.evil.example/',
      'The return URL must point at this site (shop.souk.test, partner.example.com)',
    ],
    ['//evil.example/x', 'The return URL must be a full http(s) URL'],
    ['not a url', 'The return URL must be a full http(s) URL'],
  ])('refuses %s', (value, message) => {
    expect(errorOf(value)).toBe(message);
  });
});

describe('marketplace return/refresh URLs', () => {
  const base = new URL(coreEnv.PUBLIC_WEB_URL).origin;

  it('accept this site and refuse hostile targets naming the field', () => {
    expect(
      payoutSetupInput.safeParse({
        returnUrl: `${base}/vendor/profile?payouts=return`,
        refreshUrl: `${base}/vendor/profile?payouts=refresh`,
      }).success,
    ).toBe(true);
    const hostile = payoutSetupInput.safeParse({
      returnUrl: 'javascript:alert(1)',
      refreshUrl: 'http://169.254.169.254/latest/meta-data/',
    });
    expect(hostile.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['returnUrl', 'The return URL must start with http:// or https://'],
      ['refreshUrl', 'The refresh URL must not point at a link-local address'],
    ]);
    const offSite = payBookingInput.safeParse({
      bookingId: crypto.randomUUID(),
      mode: 'full',
      returnUrl: 'https://evil.example/after-pay',
    });
    expect(offSite.error?.issues[0]?.path).toEqual(['returnUrl']);
    expect(offSite.error?.issues[0]?.message).toMatch(/^The return URL must point at this site/);
  });
});
