import { describe, expect, it } from 'vitest';
import { checkCsrf, type CsrfRequest } from './csrf';

const app = 'http://127.0.0.1:3100';
const post = (over: Partial<CsrfRequest>): CsrfRequest => ({
  method: 'POST',
  contentType: 'application/json',
  origin: app,
  secFetchSite: null,
  appOrigin: `${app}/`,
  ...over,
});

describe('checkCsrf', () => {
  it("lets the app's own JSON mutations through", () => {
    expect(checkCsrf(post({}))).toEqual({ ok: true });
    expect(checkCsrf(post({ contentType: 'application/json; charset=utf-8' }))).toEqual({
      ok: true,
    });
    // No Origin (rare), but the browser vouches that it is same-origin.
    expect(checkCsrf(post({ origin: null, secFetchSite: 'same-origin' }))).toEqual({ ok: true });
  });

  it('treats the loopback names as one host on the same port and scheme', () => {
    expect(checkCsrf(post({ origin: 'http://localhost:3100' }))).toEqual({ ok: true });
    expect(checkCsrf(post({ origin: 'http://[::1]:3100' }))).toEqual({ ok: true });
    expect(checkCsrf(post({ origin: 'http://localhost:3101' })).ok).toBe(false);
    expect(checkCsrf(post({ origin: 'http://localhost.evil.test:3100' })).ok).toBe(false);
  });

  it('lets an API client with a Bearer token and no cookies through, never a cookie request', () => {
    const apiClient = post({ origin: null, bearerWithoutCookies: true });
    expect(checkCsrf(apiClient)).toEqual({ ok: true });
    // A browser request (cookies ride along) gets the usual check, Bearer header or not.
    expect(checkCsrf(post({ origin: null, bearerWithoutCookies: false })).ok).toBe(false);
    expect(checkCsrf(post({ origin: 'http://evil.test' })).ok).toBe(false);
  });

  it('never blocks reads', () => {
    expect(
      checkCsrf(post({ method: 'GET', contentType: null, origin: 'http://evil.test' })),
    ).toEqual({ ok: true });
  });

  it('refuses the form a page on another port posted (multipart, no preflight)', () => {
    const verdict = checkCsrf(
      post({
        contentType: 'multipart/form-data; boundary=----x',
        origin: 'http://127.0.0.1:4000',
        secFetchSite: 'same-site',
      }),
    );
    expect(verdict).toEqual({
      ok: false,
      message: 'Requests that change data must be sent as application/json.',
    });
  });

  it('refuses text/plain and form-urlencoded bodies even from our origin', () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', null]) {
      expect(checkCsrf(post({ contentType })).ok).toBe(false);
    }
  });

  it("lets our own form (the portal's sign-in button) post from our origin only", () => {
    const form = { contentType: 'application/x-www-form-urlencoded', ownFormPost: true };
    expect(checkCsrf(post(form))).toEqual({ ok: true });
    expect(checkCsrf(post({ ...form, origin: 'http://127.0.0.1:4000' })).ok).toBe(false);
    expect(checkCsrf(post({ ...form, origin: null })).ok).toBe(false);
  });

  it('refuses JSON from another origin, a "null" origin and a same-site port', () => {
    for (const origin of [
      'http://evil.test',
      'null',
      'http://127.0.0.1:4000',
      'https://127.0.0.1:3100',
    ]) {
      expect(checkCsrf(post({ origin }))).toEqual({
        ok: false,
        message: 'This request came from another site and was refused.',
      });
    }
  });

  it('refuses a request that says nothing about where it came from', () => {
    expect(checkCsrf(post({ origin: null }))).toEqual({
      ok: false,
      message:
        'This request does not say which site sent it (no Origin header), so it was refused.',
    });
    expect(checkCsrf(post({ origin: null, secFetchSite: 'same-site' })).ok).toBe(false);
    expect(checkCsrf(post({ origin: null, secFetchSite: 'cross-site' })).ok).toBe(false);
  });
});
