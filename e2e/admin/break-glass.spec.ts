// Spec 002 incident procedure: with ADMIN_READ_ONLY on, an admin's edit is refused;
// a break-glass session with a reason, used in this browser, lets the edit through,
// and the audit log shows the write with its reason.
//
// Read-only mode is read when the server starts: this spec runs against the second web
// instance `pnpm start` runs with ADMIN_READ_ONLY=true on READ_ONLY_WEB_PORT (3110 in
// playwright.config.ts), on the same data. The edit saves the price it found, so the
// other specs' amounts stay as they are.
import type { Page } from '@playwright/test';
import { expect, test } from '../support/axe';
import { signedInPage } from '../support/auth';

test.use({ baseURL: process.env.E2E_READ_ONLY_BASE_URL ?? 'http://127.0.0.1:3110' });

/** The product list, searched, then the product's edit page: each step a link or a button. */
async function openProduct(page: Page): Promise<void> {
  await page.goto('/admin/products');
  await page.getByPlaceholder('Search name or slug').fill('Instagram');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: 'Instagram Growth' }).first().click();
  await expect(page.getByRole('form', { name: 'Edit product' })).toBeVisible();
}

test('read-only mode blocks an admin edit; break-glass allows it and the audit shows the reason', async ({
  browser,
}) => {
  const page = await signedInPage(browser, 'admin@souk.test');
  const reason = `INC-${Date.now()} wrong price on Instagram Growth`;

  await openProduct(page);
  const price = await page.getByLabel('Base price').inputValue();
  await page.getByLabel('Base price').fill(price);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('form', { name: 'Edit product' }).getByRole('alert')).toContainText(
    'Admin is in read-only mode: changes are paused during an incident',
  );
  const productUrl = page.url();

  await page.getByRole('link', { name: 'Admin safety' }).click();
  await expect(page.getByRole('heading', { name: 'Admin safety', level: 1 })).toBeVisible();
  await page.getByLabel('Reason').fill(reason);
  await page.getByLabel('Duration (minutes)').fill('15');
  await page.getByRole('button', { name: 'Start break-glass' }).click();
  const tokenCard = page.getByRole('region', { name: 'Break-glass token' });
  await expect(tokenCard.locator('code')).toHaveText(/^bg_[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Use in this browser' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Break-glass active until' }),
  ).toContainText(`reason: ${reason}`);
  // The token is not shown again.
  await expect(tokenCard).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(reason) })).toContainText('Active');

  // Reached by links, as before: the form is live when it is filled.
  await openProduct(page);
  await expect(page).toHaveURL(productUrl);
  const basePrice = page.getByLabel('Base price');
  await expect(basePrice).toHaveValue(price);
  await basePrice.fill(price);
  await expect(basePrice).toHaveValue(price);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Action', { exact: true }).fill('break_glass.write');
  await page.getByRole('button', { name: 'Filter' }).click();
  const row = page.getByRole('row', { name: /break_glass\.write/ }).first();
  await expect(row).toBeVisible();
  await expect(page.getByText(reason).first()).toBeVisible();

  // Ending it closes the window again.
  await page
    .getByRole('status')
    .filter({ hasText: 'Break-glass active until' })
    .getByRole('button', { name: 'End break-glass' })
    .click();
  await expect(page.getByText('Break-glass active until')).toHaveCount(0);
});
