import type { Browser } from '@playwright/test';
import { expect, test } from '../support/axe';
import { signedInPage } from '../support/auth';

// Spec 002 "Stripe events view": finance reads the processor-event ledger, filters it
// and sees how long events take from receipt to applied.

/**
 * A paid checkout on the sandbox's hosted page (the journey of storefront/checkout.spec.ts):
 * the demo seed has no processor events, and this spec runs before the storefront ones.
 */
async function payForAnOrder(browser: Browser): Promise<void> {
  const customer = await signedInPage(browser, 'customer@souk.test');
  await customer.goto('/products/instagram-growth');
  await customer.getByLabel(/^Growth \(up to 5k followers\/mo\)/).check();
  await customer.getByLabel('Instagram handle').fill('@soukshop');
  await expect(customer.getByTestId('total')).toHaveText('$79.00');
  await customer.getByRole('button', { name: 'Checkout' }).click();
  await expect(customer).toHaveURL(/\/pay\/cs_/);
  await customer.getByRole('button', { name: 'Pay' }).click();
  await expect(customer).toHaveURL(/\/checkout\/success\?session_id=cs_/);
  // Shown once the worker has applied the webhook: the ledger now holds processed events.
  await expect(customer.getByText('Payment received', { exact: true })).toBeVisible({
    timeout: 20_000,
  });
  await customer.context().close();
}

const DURATION = String.raw`\d+(\.\d)? (ms|s|min|h)`;

test('finance reads the payment events ledger: statuses, filters and the lag', async ({
  browser,
}) => {
  await payForAnOrder(browser);

  const page = await signedInPage(browser, 'finance@souk.test');
  await page.getByRole('link', { name: 'Payment events' }).click();
  await expect(page).toHaveURL(/\/admin\/payments$/);
  await expect(page.getByRole('heading', { name: 'Payment events', level: 1 })).toBeVisible();

  const status = page.getByLabel('Status', { exact: true });
  await expect(status.locator('option')).toHaveText([
    'All',
    'Received',
    'Waiting',
    'Unrouted',
    'Processed',
    'Failed',
  ]);

  const summary = page.getByRole('region', { name: 'Ledger summary' });
  await expect(summary).toContainText(
    new RegExp(`Receipt to applied, last 24 h: p50 ${DURATION}, p99 ${DURATION}`),
  );
  await expect(summary).toContainText(/Unrouted across all orgs: \d+/);

  const table = page.getByRole('table', { name: 'Payment events' });
  const rows = table.locator('tbody tr');
  const completed = rows.filter({ hasText: 'checkout.session.completed' }).first();
  await expect(completed).toContainText('Processed');
  await expect(completed).toContainText(new RegExp(DURATION));

  // A malformed id is explained next to its field and never sent: the rows stay.
  const invoice = page.getByLabel('Invoice id');
  await invoice.fill('INV-0042');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(invoice).toHaveAccessibleDescription(/^Not an invoice id/);
  await expect(completed).toBeVisible();
  await invoice.fill('');
  await expect(invoice).not.toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Type', { exact: true }).fill('souk.no_such_event');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page.getByText('No payment events match.')).toBeVisible();
  await expect(rows).toHaveCount(0);
  await page.getByLabel('Type', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(completed).toBeVisible();

  await status.selectOption('processed');
  await expect(page.getByRole('button', { name: /^Processed: [1-9]\d*$/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(completed).toBeVisible();
  await expect(rows.filter({ hasNotText: 'processed' })).toHaveCount(0);

  // Nothing fails before three days of retries, so a fresh ledger has no failed events.
  await status.selectOption('failed');
  await expect(page.getByText('No payment events match.')).toBeVisible();
  await expect(rows).toHaveCount(0);
});
