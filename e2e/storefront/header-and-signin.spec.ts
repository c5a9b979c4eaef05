import type { Page } from '@playwright/test';
import { expect, test } from '../support/axe';
import { DEMO_PASSWORD, newClient, signedInPage } from '../support/auth';

// The storefront header offers what the visitor may use, and a guest who configures a
// product, is asked to sign in and does so comes back to the same choices and price.

const PHONE = { width: 390, height: 844 };

async function signInHere(page: Page, email: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in to Souk' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function fitsPhone(page: Page): Promise<void> {
  await page.setViewportSize(PHONE);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
    PHONE.width,
  );
}

test('the header shows each visitor their own links, and sign-out returns to the storefront', async ({
  browser,
}) => {
  const page = await (await newClient(browser)).newPage();
  await page.goto('/');
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
  for (const name of ['Admin', 'Vendor portal', 'My account']) {
    await expect(header.getByRole('link', { name })).toHaveCount(0);
  }
  await expect(header.getByRole('button', { name: 'Sign out' })).toHaveCount(0);

  // Signing in from the header comes back to the storefront, not to the admin console.
  await header.getByRole('link', { name: 'Sign in' }).click();
  await signInHere(page, 'customer@souk.test');
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(header.getByRole('link', { name: 'My account' })).toBeVisible();
  await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // A customer may open the vendor portal (it offers vendor onboarding), not the admin.
  await expect(header.getByRole('link', { name: 'Vendor portal' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await expect(header.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
  await fitsPhone(page);

  await header.getByRole('button', { name: 'Sign out' }).click();
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(header.getByRole('link', { name: 'My account' })).toHaveCount(0);
  await expect(header.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  // Signed out on the server too: the account page asks to sign in again.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  const admin = await signedInPage(browser, 'admin@souk.test');
  await admin.goto('/');
  const adminHeader = admin.getByRole('banner');
  await expect(adminHeader.getByRole('link', { name: 'Admin' })).toBeVisible();
  await expect(adminHeader.getByRole('link', { name: 'My account' })).toBeVisible();
  // Staff work in the admin console; the vendor portal has nothing for them.
  await expect(adminHeader.getByRole('link', { name: 'Vendor portal' })).toHaveCount(0);
  await fitsPhone(admin);
  await adminHeader.getByRole('link', { name: 'Admin' }).click();
  await expect(admin.getByRole('navigation', { name: 'Admin' })).toBeVisible();
});

test('a guest signs in at checkout and comes back to the same choices and price, then pays', async ({
  browser,
}) => {
  const page = await (await newClient(browser)).newPage();
  await page.goto('/products/instagram-growth');
  await expect(page.getByTestId('total')).toHaveText('$49.00');
  await page.getByLabel(/^Scale \(up to 15k followers\/mo\)/).check();
  await page.getByLabel(/^Reels strategy/).check();
  await page.getByLabel(/^Carousel design/).check();
  await page.getByLabel(/^Competitor audit/).check();
  await page.getByLabel('Instagram handle').fill('@soukshop');
  await page.getByLabel('Website').fill('https://souk.test/shop');
  await page.getByLabel('Posts per week').fill('5');
  await page.getByLabel(/^Quarterly/).check();
  // 49 + 90 + 15 + 12 + 29, 10% off for the quarterly plan.
  await expect(page.getByTestId('total')).toHaveText('$175.50');

  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fproducts%2Finstagram-growth%3Fsel%3D/);
  await signInHere(page, 'customer@souk.test');

  // Back on the product, signed in; the choices leave the address bar once restored.
  await expect(page).toHaveURL(/\/products\/instagram-growth$/);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByLabel(/^Scale \(up to 15k followers\/mo\)/)).toBeChecked();
  await expect(page.getByLabel(/^Starter/)).not.toBeChecked();
  await expect(page.getByLabel(/^Reels strategy/)).toBeChecked();
  await expect(page.getByLabel(/^Stories planning/)).not.toBeChecked();
  await expect(page.getByLabel(/^Carousel design/)).toBeChecked();
  await expect(page.getByLabel(/^Competitor audit/)).toBeChecked();
  await expect(page.getByLabel(/^Weekly analytics report/)).not.toBeChecked();
  await expect(page.getByLabel(/^Quarterly/)).toBeChecked();
  await expect(page.getByLabel(/^One-off month/)).not.toBeChecked();
  await expect(page.getByLabel('Instagram handle')).toHaveValue('@soukshop');
  await expect(page.getByLabel('Website')).toHaveValue('https://souk.test/shop');
  await expect(page.getByLabel('Posts per week')).toHaveValue('5');
  await expect(page.getByTestId('total')).toHaveText('$175.50');

  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/pay\/cs_/);
  await expect(page.getByText('Souk sandbox checkout').first()).toBeVisible();
  await expect(page.getByText('$175.50').first()).toBeVisible();
});

test('a guest signs up at checkout, keeps the selection and pays', async ({ browser }) => {
  const page = await (await newClient(browser)).newPage();
  await page.goto('/products/instagram-growth');
  await page.getByLabel(/^Scale \(up to 15k followers\/mo\)/).check();
  await page.getByLabel(/^Reels strategy/).check();
  await page.getByLabel('Instagram handle').fill('@newshop');
  // 49 + 90 + 15.
  await expect(page.getByTestId('total')).toHaveText('$154.00');
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fproducts%2Finstagram-growth%3Fsel%3D/);

  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: 'Create your Souk account' })).toBeVisible();
  await page.getByLabel('Email').fill(`shopper-${Date.now()}@example.test`);
  await page.getByLabel('Name').fill('New Shopper');
  await page.getByLabel('Password').fill('plum orbit canyon velvet');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/products\/instagram-growth$/);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByLabel(/^Scale \(up to 15k followers\/mo\)/)).toBeChecked();
  await expect(page.getByLabel(/^Reels strategy/)).toBeChecked();
  await expect(page.getByLabel('Instagram handle')).toHaveValue('@newshop');
  await expect(page.getByTestId('total')).toHaveText('$154.00');

  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/pay\/cs_/);
  await expect(page.getByText('$154.00').first()).toBeVisible();
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByText('Payment received', { exact: true })).toBeVisible({
    timeout: 20_000,
  });
});

test('a tampered or foreign selection link shows the product as new', async ({ browser }) => {
  const page = await (await newClient(browser)).newPage();
  for (const sel of ['garbage', 'A'.repeat(7000), 'e30', '%00']) {
    const response = await page.goto(`/products/instagram-growth?sel=${sel}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId('total')).toHaveText('$49.00');
    await expect(page.getByLabel(/^One-off month/)).toBeChecked();
  }
});
