import type { APIResponse } from '@playwright/test';
import { expect, test } from '../support/axe';
import { DEMO_PASSWORD, newClient } from '../support/auth';

// Security headers on pages (set by proxy.ts with a per-request nonce) and on the API
// routes outside the proxy (set by their handlers), plus the static ones from next.config.ts.

function expectCommonHeaders(res: APIResponse) {
  const headers = res.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  // The e2e server is plain http: HSTS there would lock browsers out of it.
  expect(headers['strict-transport-security']).toBeUndefined();
}

function nonceOf(res: APIResponse): string {
  const csp = res.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  return nonce ?? '';
}

function expectPagePolicy(res: APIResponse) {
  expectCommonHeaders(res);
  const csp = res.headers()['content-security-policy'] ?? '';
  const nonce = nonceOf(res);
  expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(csp).not.toContain('unsafe-eval'); // a production build
  for (const directive of [
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
}

test('pages carry the CSP with a fresh nonce and the other security headers', async ({
  request,
}) => {
  const home = await request.get('/');
  expect(home.status()).toBe(200);
  expectPagePolicy(home);

  const signin = await request.get('/signin');
  expect(signin.status()).toBe(200);
  expectPagePolicy(signin);
  expect(nonceOf(signin)).not.toBe(nonceOf(home));

  // The redirect to sign in is a response too.
  const admin = await request.get('/admin', { maxRedirects: 0 });
  expect(admin.status()).toBeGreaterThanOrEqual(300);
  expect(admin.status()).toBeLessThan(400);
  expect(admin.headers()['location']).toContain('/signin');
  expectPagePolicy(admin);
});

test("every <script> on a page carries the nonce from that response's CSP", async ({ request }) => {
  for (const path of ['/', '/signin', '/products/instagram-growth']) {
    const res = await request.get(path);
    const nonce = nonceOf(res);
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
});

test('the API routes outside the proxy carry headers too', async ({ request }) => {
  const input = encodeURIComponent(JSON.stringify({ json: { slug: 'instagram-growth' } }));
  const trpc = await request.get(`/api/trpc/catalog.getProductBySlug?input=${input}`, {
    headers: { 'x-request-id': 'e2e-headers-1' },
  });
  expect(trpc.status()).toBe(200);
  expectCommonHeaders(trpc);
  expect(trpc.headers()['content-security-policy']).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
  expect(trpc.headers()['x-request-id']).toBe('e2e-headers-1');

  // An unsigned upload link: refused, with the same headers as a served file.
  const upload = await request.get('/api/uploads/00000000-0000-4000-8000-000000000000');
  expect(upload.status()).toBeGreaterThanOrEqual(400);
  expect(upload.status()).toBeLessThan(500);
  expectCommonHeaders(upload);
  expect(upload.headers()['content-security-policy']).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );

  const health = await request.get('/api/health');
  expect(await health.json()).toEqual({ status: 'ok' });
  expectCommonHeaders(health);
  expect(health.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('a request id that could break headers or logs is replaced', async ({ request }) => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const page = await request.get('/', { headers: { 'x-request-id': 'a b;<script>' } });
  expect(page.headers()['x-request-id']).toMatch(uuid);
  const trpc = await request.get('/api/trpc/catalog.listProducts', {
    headers: { 'x-request-id': 'x'.repeat(500) },
  });
  expect(trpc.headers()['x-request-id']).toMatch(uuid);
  const kept = await request.get('/', { headers: { 'x-request-id': 'lb-1234.abc' } });
  expect(kept.headers()['x-request-id']).toBe('lb-1234.abc');
});

test('the app still runs under its CSP: no violations, sign-in works', async ({ browser }) => {
  const page = await (await newClient(browser)).newPage();
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.goto('/signin?callbackUrl=/products/instagram-growth');
  await page.getByLabel('Email').fill('customer@souk.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/products\/instagram-growth$/);
  // The configurator is a client component: its live total only updates once hydrated.
  await page.getByLabel(/^Growth \(up to 5k followers\/mo\)/).check();
  await page.getByLabel('Instagram handle').fill('@soukshop');
  await expect(page.getByTestId('total')).toHaveText('$79.00');
  expect(violations).toEqual([]);
});
