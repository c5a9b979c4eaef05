import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../support/axe';
import { DEMO_PASSWORD, newClient, signedInPage } from '../support/auth';

// Hostile parameters, bodies and origins get a 4xx in words, never a 500 or a trip
// to another host.

async function expectNotFound(request: APIRequestContext, path: string) {
  const res = await request.get(path, { maxRedirects: 0 });
  expect(res.status(), path).toBe(404);
}

test('pages with parameters that cannot name anything answer 404, not 500', async ({ request }) => {
  for (const path of [
    '/checkout/success?session_id=%00',
    '/checkout/success?session_id=cs_1&session_id=cs_2',
    `/products/${'a'.repeat(5000)}`,
    '/products/bad%00slug',
    '/checkout/cancelled?token=%00',
    `/checkout/cancelled?token=${'x'.repeat(300)}`,
    '/checkout/resume/%00',
    // Checked before the sign-in redirect: a malformed id names nothing to sign in for.
    '/bookings/not-a-uuid',
    '/templates/%00',
  ]) {
    await expectNotFound(request, path);
  }
});

test('signed-in staff, vendors and customers get 404 for malformed ids', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin@souk.test');
  for (const path of [
    '/admin/orders/not-a-uuid',
    '/admin/products/%00',
    `/admin/marketplace/bookings/${'9'.repeat(5000)}`,
    '/admin/marketplace/templates/x',
  ]) {
    await expectNotFound(admin.request, path);
  }
  const vendor = await signedInPage(browser, 'venue@souk.test');
  await expectNotFound(vendor.request, '/vendor/bookings/%00');
  const customer = await signedInPage(browser, 'customer@souk.test');
  await expectNotFound(customer.request, '/bookings/%00');
  await expectNotFound(customer.request, `/templates/${'a'.repeat(5000)}`);
});

for (const callbackUrl of [
  '/%5Cevil.test/x',
  '/%09/evil.test/x',
  '//evil.test',
  '/.//evil.test',
  'https://evil.test',
  'javascript:alert(document.domain)',
]) {
  test(`signing in with callbackUrl=${callbackUrl} stays on the app`, async ({
    browser,
    baseURL,
  }) => {
    const page = await (await newClient(browser)).newPage();
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    await page.getByLabel('Email').fill('customer@souk.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    expect(page.url()).toBe(`${new URL(baseURL ?? '').origin}/`);
  });
}

test('a form on another origin cannot call a tRPC mutation', async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, 'customer@souk.test');
  const subscription = async () => {
    const res = await page.request.get('/api/trpc/marketplace.organizer.getSubscription');
    return (await res.json()) as unknown;
  };
  const before = await subscription();
  const appOrigin = new URL(baseURL ?? '').origin;
  const otherPort = new URL(appOrigin);
  otherPort.port = '4000';

  // What an HTML form on another port sends: multipart, same-site cookies, no preflight.
  const forged = await page.request.post('/api/trpc/marketplace.organizer.cancelSubscription', {
    multipart: { json: 'null' },
    headers: { origin: otherPort.origin, 'sec-fetch-site': 'same-site' },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({
    error: { json: { message: 'Requests that change data must be sent as application/json.' } },
  });

  // JSON from another origin needs a preflight the app never grants; refused all the same.
  const json = await page.request.post('/api/trpc/marketplace.organizer.cancelSubscription', {
    data: { json: null },
    headers: { origin: otherPort.origin },
  });
  expect(json.status()).toBe(403);
  expect(await json.json()).toMatchObject({
    error: { json: { message: 'This request came from another site and was refused.' } },
  });

  // Without an Origin header nothing vouches for the request.
  const bare = await page.request.post('/api/trpc/marketplace.organizer.cancelSubscription', {
    data: { json: null },
  });
  expect(bare.status()).toBe(403);

  expect(await subscription()).toEqual(before);
});

test('a tRPC batch of 50 calls is refused with 400', async ({ request }) => {
  const batch = (n: number) => {
    const paths = Array.from({ length: n }, () => 'catalog.getProductBySlug').join(',');
    const input = Object.fromEntries(
      Array.from({ length: n }, (_, i) => [i, { json: { slug: 'instagram-growth' } }]),
    );
    return `/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
  };
  const big = await request.get(batch(50));
  expect(big.status()).toBe(400);
  expect(JSON.stringify(await big.json())).toContain('Batch call exceeds maximum size');

  const ok = await request.get(batch(10));
  expect(ok.status()).toBe(200);
});
