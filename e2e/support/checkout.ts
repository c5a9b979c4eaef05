import { expect, type Page } from '@playwright/test';

/** Pays for a Growth plan as the signed-in customer; answers the new order's number. */
export async function payAnOrder(page: Page): Promise<string> {
  await page.goto('/products/instagram-growth');
  await page.getByLabel(/^Growth \(up to 5k followers\/mo\)/).check();
  await page.getByLabel('Instagram handle').fill('@refundme');
  await expect(page.getByTestId('total')).toHaveText('$79.00');
  await page.getByRole('button', { name: 'Checkout' }).click();
  await expect(page).toHaveURL(/\/pay\/cs_/);
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(page.getByText('Payment received', { exact: true })).toBeVisible({
    timeout: 20_000,
  });
  const order = await page
    .getByText(/^Order #\d+$/)
    .first()
    .textContent();
  return (order ?? '').replace('Order #', '');
}
