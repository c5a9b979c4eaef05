import { expect, test } from '../support/axe';
import { newClient } from '../support/auth';

// A newcomer makes an account from the sign-in page and is signed in on the storefront;
// "forgot password" answers the same words whether or not an account exists.

const PASSPHRASE = 'plum orbit canyon velvet';

test('a newcomer signs up from /signin and lands signed in on the storefront', async ({
  browser,
}) => {
  const page = await (await newClient(browser)).newPage();
  await page.goto('/');
  const header = page.getByRole('banner');
  await header.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Souk' })).toBeVisible();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: 'Create your Souk account' })).toBeVisible();

  // Refusals come back in words beside the field.
  await page.getByLabel('Email').fill('customer@souk.test');
  await page.getByLabel('Name').fill('Nora Newcomer');
  await page.getByLabel('Password').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('An account with this email already exists')).toBeVisible();

  const email = `newcomer-${Date.now()}@example.test`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('password123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(
    page.getByText('This password is on lists of common or leaked passwords'),
  ).toBeVisible();

  await page.getByLabel('Password').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(header.getByRole('link', { name: 'My account' })).toBeVisible();
  await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect(page.getByText('No orders yet.')).toBeVisible();
});

test('forgot password shows the same neutral message for any address', async ({ browser }) => {
  const page = await (await newClient(browser)).newPage();
  for (const email of ['customer@souk.test', `nobody-${Date.now()}@example.test`]) {
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'If an account exists for this email, we sent a link to reset the password. It works for 30 minutes.',
    );
  }
});

test('a reset link that was tampered with says so and offers a new one', async ({ browser }) => {
  const page = await (await newClient(browser)).newPage();
  await page.goto('/signin/reset?token=00000000-0000-4000-8000-000000000000.zzzz.forged');
  await page.getByLabel('New password', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat new password').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('This reset link is invalid, expired or already used')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
});
