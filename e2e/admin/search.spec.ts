import { expect, test } from '../support/axe';
import { signedInPage } from '../support/auth';
import { payAnOrder } from '../support/checkout';

// Issue 12: an admin finds an order by the customer's email through global search, from
// the keyboard (Ctrl+K anywhere in the admin) or the Find button in the header.

const LABEL = 'Search orders, customers, products, bookings and vendors';

test('an admin finds an order by customer email through global search', async ({ browser }) => {
  const customer = await signedInPage(browser, 'customer@souk.test');
  const number = await payAnOrder(customer);
  expect(number).toMatch(/^\d+$/);

  const admin = await signedInPage(browser, 'admin@souk.test');
  await admin.goto('/admin/products');
  await expect(admin.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();

  await admin.keyboard.press('Control+K');
  const palette = admin.getByRole('dialog', { name: LABEL });
  await expect(palette).toBeVisible();
  await palette.getByLabel(LABEL).fill('customer@souk.test');
  const orders = palette.getByRole('group', { name: 'Orders' });
  const ours = orders.getByRole('option', { name: new RegExp(`^Order #${number}\\b`) });
  await expect(ours).toBeVisible();
  // Newest first: the order just paid is the first result, and the one Enter opens.
  await expect(ours).toHaveAttribute('aria-selected', 'true');
  await admin.keyboard.press('ArrowDown');
  await expect(ours).toHaveAttribute('aria-selected', 'false');
  await admin.keyboard.press('ArrowUp');
  await admin.keyboard.press('Enter');

  await expect(admin).toHaveURL(/\/admin\/orders\/[0-9a-f-]{36}$/);
  await expect(admin.getByRole('heading', { name: new RegExp(`Order #${number}`) })).toBeVisible();
  await expect(palette).toBeHidden();

  // The Find button opens it too; Escape closes it; nothing found is said in words.
  await admin.getByRole('button', { name: 'Find' }).click();
  await expect(palette).toBeVisible();
  await palette.getByLabel(LABEL).fill('no-such-thing-anywhere');
  await expect(palette.getByText('No results for “no-such-thing-anywhere”')).toBeVisible();
  await admin.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // Left open with results, so the end-of-test axe scan checks the palette itself.
  await admin.getByRole('button', { name: 'Find' }).click();
  await palette.getByLabel(LABEL).fill(`#${number}`);
  await expect(
    orders.getByRole('option', { name: new RegExp(`^Order #${number}\\b`) }),
  ).toBeVisible();
});
