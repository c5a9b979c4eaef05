import { expect, test } from '../support/axe';
import { DEMO_PASSWORD, newClient } from '../support/auth';
import { totpCode, wrongTotpCode } from '../support/totp';

// A seeded owner of its own (packages/db seed), so enrolling does not change how the
// other specs sign in as owner@souk.test.
const EMAIL = 'owner@acme.test';

test('an owner turns on two-step verification and then signs in with a code', async ({
  browser,
}) => {
  const page = await (await newClient(browser)).newPage();
  await page.goto('/signin?callbackUrl=/admin/account');
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();

  await page.getByRole('link', { name: 'Manage two-step verification' }).click();
  await expect(
    page.getByRole('heading', { name: 'Two-step verification', level: 1 }),
  ).toBeVisible();
  await expect(page.getByText('Status: Off')).toBeVisible();
  await page.getByRole('button', { name: 'Set up two-step verification' }).click();
  await expect(page.getByRole('img', { name: /QR code to add Souk/ })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  await page.getByLabel('6-digit code').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem'),
  ).toHaveCount(10);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByText(/Status: On since/)).toBeVisible();
  await expect(page.getByText('10 of 10 recovery codes left', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);

  // The password alone is not enough any more: the page asks for the code.
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const code = page.getByLabel('6-digit code');
  await expect(code).toBeVisible();
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByText('or use one of your recovery codes')).toBeVisible();

  await code.fill(await wrongTotpCode(secret));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
    /^That code is not valid\./,
  );
  await expect(page).toHaveURL(/\/signin/);

  // The enrollment used this step's code; the next step's is also accepted (±1 step).
  await code.fill(await totpCode(secret, 1));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page).toHaveURL(/\/admin/);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
});
