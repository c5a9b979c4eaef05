import { expect, test } from '../support/axe';
import { DEMO_PASSWORD, newClient, signIn } from '../support/auth';

test('a wrong password says so, and the sixth attempt in a minute is refused', async ({
  browser,
}) => {
  const page = await (await newClient(browser)).newPage();
  await page.goto('/signin');
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.getByLabel('Email').fill('admin@souk.test');
    await page.getByLabel('Password').fill(`wrong-password-${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
      'Email or password is incorrect.',
    );
  }
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
    /^Too many sign-in attempts\. Try again in \d+ seconds\.$/,
  );
  await expect(page).toHaveURL(/\/signin/);
});

test('signing out ends the session on the server, even for a copied cookie', async ({
  browser,
}) => {
  const context = await newClient(browser);
  const page = await context.newPage();
  await signIn(page, 'admin@souk.test');
  const cookies = await context.cookies();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Replaying the old session cookie no longer works: the server revoked it.
  const replay = await newClient(browser);
  await replay.addCookies(cookies);
  const stale = await replay.newPage();
  await stale.goto('/admin/products');
  await expect(stale).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
});

test('signed-out visitors are sent to sign in and come back afterwards', async ({ browser }) => {
  const page = await (await newClient(browser)).newPage();
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
  await page.getByLabel('Email').fill('owner@souk.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The admin's home is the dashboard.
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
});

test('changing the password signs the user out and only the new password works', async ({
  browser,
}) => {
  const page = await (await newClient(browser)).newPage();
  await signIn(page, 'dispatcher@souk.test');
  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByLabel('Current password').fill(DEMO_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('Repeat new password').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('#pw-newPassword-error')).toHaveText(
    'Password must be at least 10 characters',
  );

  await page.getByLabel('New password', { exact: true }).fill('dispatch-2026-new');
  await page.getByLabel('Repeat new password').fill('dispatch-2026-new');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
    'Password changed. Sign in with your new password.',
  );

  await page.getByLabel('Email').fill('dispatcher@souk.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
    'Email or password is incorrect.',
  );
  await page.getByLabel('Password').fill('dispatch-2026-new');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
