import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-redirect';

const app = 'http://127.0.0.1:3100';

describe('safeCallbackPath', () => {
  it('keeps paths on our own origin, query and hash included', () => {
    expect(safeCallbackPath('/admin/products', app)).toBe('/admin/products');
    expect(safeCallbackPath('/products/instagram-growth?x=1#top', app)).toBe(
      '/products/instagram-growth?x=1#top',
    );
    expect(safeCallbackPath(`${app}/account`, app)).toBe('/account');
  });

  it('sends every way of naming another host to /', () => {
    const hostile = [
      '/\\evil.test/x',
      '/\t/evil.test/x',
      '/\n/evil.test',
      '//evil.test',
      '///evil.test',
      '/.//evil.test',
      '\\\\evil.test',
      'https://evil.test',
      'http://127.0.0.1:4000/admin',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
    ];
    for (const value of hostile) expect(safeCallbackPath(value, app), value).toBe('/');
  });

  it('never returns something a browser reads as another host', () => {
    for (const value of ['/\\evil.test', '/.//evil.test', '/%2F/evil.test']) {
      const path = safeCallbackPath(value, app);
      expect(new URL(path, app).origin).toBe(app);
    }
  });

  it('falls back for missing, non-string and unparseable values', () => {
    expect(safeCallbackPath(undefined, app)).toBe('/');
    expect(safeCallbackPath('', app)).toBe('/');
    expect(safeCallbackPath(['/a', '/b'], app)).toBe('/');
    expect(safeCallbackPath('http://[::1', app, '/admin')).toBe('/admin');
  });
});
