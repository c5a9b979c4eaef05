import type { Page } from '@playwright/test';
import { expect, test } from '../support/axe';
import { signedInPage } from '../support/auth';
import { payAnOrder } from '../support/checkout';

// An operator's day with a paid order: find it by the customer's email, refund part of
// it, and see the refund where the operator and the customer look.

/** "$1,234.56" -> 123456 (the dashboard writes amounts in the org's currency). */
function cents(text: string): number {
  const match = /\$([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`no amount in "${text}"`);
  return Number(match[1]!.replaceAll(',', '')) * 100 + Number(match[2]);
}

async function dashboardRefunds(page: Page): Promise<number> {
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  const card = page
    .locator('.kpi-card')
    .filter({ has: page.getByText('Refunds', { exact: true }) });
  return cents((await card.locator('.kpi-value').textContent()) ?? '');
}

test('an admin finds an order by the customer email, refunds $10, and the refund shows on the order, /account and the dashboard', async ({
  browser,
}) => {
  const customer = await signedInPage(browser, 'customer@souk.test');
  const number = await payAnOrder(customer);
  expect(number).toMatch(/^\d+$/);

  const admin = await signedInPage(browser, 'admin@souk.test');
  const refundsBefore = await dashboardRefunds(admin);

  // Found through global search (Ctrl+K) by the customer's email.
  const search = 'Search orders, customers, products, bookings and vendors';
  const palette = admin.getByRole('dialog', { name: search });
  // A key pressed before the page hydrated does nothing: press until the palette is open.
  await expect(async () => {
    if (!(await palette.isVisible())) await admin.keyboard.press('Control+K');
    await expect(palette).toBeVisible({ timeout: 2000 });
  }).toPass();
  await palette.getByLabel(search).fill('customer@souk.test');
  await palette
    .getByRole('group', { name: 'Orders' })
    .getByRole('option', { name: new RegExp(`^Order #${number}\\b`) })
    .click();
  await expect(admin.getByRole('heading', { name: new RegExp(`Order #${number}`) })).toBeVisible();

  const refund = admin.getByRole('form', { name: 'Refund' });
  // More than was paid is refused in words beside the amount.
  await refund.getByLabel(/^Amount/).fill('500.00');
  await refund.getByLabel('Reason').fill('Late start');
  await refund.getByRole('button', { name: 'Refund' }).click();
  await admin.getByRole('alertdialog').getByRole('button', { name: 'Refund' }).click();
  await expect(refund.getByText('You can refund at most $79.00 on this order')).toBeVisible();

  await refund.getByLabel(/^Amount/).fill('10.00');
  await refund.getByRole('button', { name: 'Refund' }).click();
  const dialog = admin.getByRole('alertdialog');
  await expect(dialog).toContainText('Refund $10.00 to customer@souk.test?');
  await dialog.getByRole('button', { name: 'Refund' }).click();
  await expect(admin.getByText('Refunded $10.00 to customer@souk.test.')).toBeVisible();
  const refunds = admin.getByRole('table', { name: 'Refunds of this order' });
  await expect(refunds).toContainText('$10.00');
  await expect(refunds).toContainText('Late start');
  // The processor's charge.refunded comes back through the worker: the payment row follows.
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByRole('table', { name: 'Payments' })).toContainText('$10.00', {
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000 });

  // The customer sees it on the order's page in their account.
  await customer.goto('/account');
  await customer
    .getByRole('link', { name: new RegExp(`#?${number}\\b`) })
    .first()
    .click();
  await expect(customer.getByRole('table', { name: 'Refunds' })).toContainText('$10.00');

  // And the dashboard's refunds for the period grew by exactly that.
  expect(await dashboardRefunds(admin)).toBe(refundsBefore + 1000);
});
