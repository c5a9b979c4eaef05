import type { Page } from '@playwright/test';
import { expect, test } from '../support/axe';
import { signedInPage, trpcMutation } from '../support/auth';

// The customer's journeys on the Stripe sandbox: configure -> checkout -> hosted
// page -> pay, decline or abandon -> success page / recovery -> resume -> pay.
test.describe.configure({ mode: 'serial' });

async function configureAndCheckout(page: Page): Promise<void> {
  await page.goto('/products/instagram-growth');
  await page.getByLabel(/^Growth \(up to 5k followers\/mo\)/).check();
  await page.getByLabel('Instagram handle').fill('@soukshop');
  await expect(page.getByTestId('total')).toHaveText('$79.00');
  await page.getByRole('button', { name: 'Checkout' }).click();
  // The processor's hosted page (the sandbox, on its own origin).
  await expect(page).toHaveURL(/\/pay\/cs_/);
  await expect(page.getByText('Souk sandbox checkout').first()).toBeVisible();
  await expect(page.getByText('$79.00').first()).toBeVisible();
}

async function expectPaidSuccessPage(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_/);
  await expect(page.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible();
  // The webhook lands asynchronously; the page polls until the payment is confirmed.
  await expect(page.getByText('Payment received', { exact: true })).toBeVisible({
    timeout: 20_000,
  });
  const banner = page.getByRole('region', { name: 'Checkout progress' });
  await expect(banner).toContainText('Current stage: Identity verification');
  await expect(banner).toContainText('Last update: Payment confirmed');
  return (
    (await page
      .getByText(/^Order #\d+$/)
      .first()
      .textContent()) ?? ''
  );
}

test('configure -> checkout -> pay on the hosted page -> the success banner shows the stage', async ({
  browser,
}) => {
  // Three people in three browsers (customer, operator, finance): a long journey on a busy machine.
  test.setTimeout(120_000);
  const page = await signedInPage(browser, 'customer@souk.test');
  // Order creation is server-only: the browser itself, even signed in, is refused.
  const direct = await trpcMutation(page, 'checkout.startCheckout', {
    productSlug: 'instagram-growth',
    selection: { options: {}, addOnIds: [], planId: null, customFields: {} },
  });
  expect(direct.status).toBe(401);
  expect(direct.body.error?.json?.message).toContain('server-only');

  await configureAndCheckout(page);
  await page.getByRole('button', { name: 'Pay' }).click();
  const order = await expectPaidSuccessPage(page);
  const successUrl = page.url();

  await page.goto('/account');
  const row = page.getByRole('row', { name: new RegExp(order.replace('Order ', '')) });
  await expect(row).toContainText('Paid');
  await expect(row).toContainText('$79.00');

  // An operator moves the order on; the customer's banner follows, loyalty steps included.
  const operator = await signedInPage(browser, 'admin@souk.test');
  await operator.goto('/admin/checkout');
  await operator.getByRole('link', { name: order.replace('Order ', ''), exact: true }).click();
  await expect(operator.getByRole('heading', { name: order })).toBeVisible();
  await operator.getByLabel('Note').fill('Handle verified');
  await operator.getByRole('button', { name: 'Advance stage' }).click();
  await expect(operator.getByRole('status')).toHaveText('Stage advanced.');
  await operator.getByLabel('Note').fill('Confirm your loyalty card number');
  await operator.getByRole('button', { name: 'Add loyalty step' }).click();
  await expect(operator.getByRole('status')).toHaveText('Loyalty step added.');
  await expect(operator.getByRole('table', { name: 'Orchestration events' })).toContainText(
    'identity_verification → loyalty_hold',
  );
  await page.goto(successUrl);
  const banner = page.getByRole('region', { name: 'Checkout progress' });
  await expect(banner).toContainText('Current stage: Loyalty hold');
  await expect(banner).toContainText('Pending loyalty steps');
  await expect(banner).toContainText('Confirm your loyalty card number');

  // Staff see the ledger (metadata only) and can replay an event through the same code.
  const admin = await signedInPage(browser, 'finance@souk.test');
  await admin.goto('/admin/payments');
  await expect(admin.getByRole('heading', { name: 'Payment events' })).toBeVisible();
  const completed = admin.getByRole('row', { name: /checkout\.session\.completed/ }).first();
  await expect(completed).toContainText('Processed');
  await completed.getByRole('button', { name: 'Replay' }).click();
  await expect(admin.getByRole('status')).toContainText('Replayed: processed');
});

test('a declined card says so and the customer can pay afterwards', async ({ browser }) => {
  const page = await signedInPage(browser, 'customer@souk.test');
  await configureAndCheckout(page);
  await page.getByRole('button', { name: 'Decline card' }).click();
  await expect(page.getByText('Your card was declined.')).toBeVisible();
  await page.getByRole('button', { name: 'Pay' }).click();
  await expectPaidSuccessPage(page);
});

async function abandonCheckout(page: Page): Promise<string> {
  await configureAndCheckout(page);
  await page.getByRole('button', { name: 'Abandon checkout' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout cancelled' })).toBeVisible();
  const saved = await page.getByText(/Your order #\d+ is saved/).textContent();
  return /#(\d+)/.exec(saved ?? '')![1]!;
}

test('abandon -> recovery sweep -> email in the outbox -> resume link -> pay', async ({
  browser,
}) => {
  const customer = await signedInPage(browser, 'customer@souk.test');
  const orderNumber = await abandonCheckout(customer);

  const admin = await signedInPage(browser, 'admin@souk.test');
  await admin.goto('/admin/checkout');
  await admin.getByRole('button', { name: 'Run recovery sweep' }).click();
  await expect(admin.getByRole('status')).toContainText(
    /Recovery sweep done: .*[1-9]\d* emails queued/,
  );

  await admin.goto('/admin/outbox');
  const row = admin.getByRole('row', {
    name: new RegExp(`Your order #${orderNumber} is waiting for you`),
  });
  await expect(row).toContainText('customer@souk.test');
  await expect(row).toContainText('Pending'); // no email channel configured: readable here
  await row.getByRole('button', { name: 'View' }).click();
  const body = (await admin.locator('pre.message-body').first().textContent()) ?? '';
  const link = /https?:\/\/\S+\/checkout\/resume\/\S+/.exec(body)?.[0];
  expect(link).toBeTruthy();

  // The resume link brings the customer to a fresh hosted page for the same order.
  await customer.goto(link!.replace(/^https?:\/\/[^/]+/, ''));
  await expect(customer).toHaveURL(/\/pay\/cs_/);
  await customer.getByRole('button', { name: 'Pay' }).click();
  const order = await expectPaidSuccessPage(customer);
  expect(order).toBe(`Order #${orderNumber}`);
});

test('a customer who opted out of order updates gets no recovery email', async ({ browser }) => {
  const customer = await signedInPage(browser, 'customer@souk.test');
  await customer.goto('/account');
  const updates = customer.getByLabel('Email me updates about my orders');
  await updates.uncheck();
  await expect(customer.getByRole('status')).toContainText('Preferences saved');
  try {
    const orderNumber = await abandonCheckout(customer);
    const admin = await signedInPage(browser, 'admin@souk.test');
    await admin.goto('/admin/checkout');
    await admin.getByRole('button', { name: 'Run recovery sweep' }).click();
    await expect(admin.getByRole('status')).toContainText(
      /0 emails queued, 0 Slack alerts, [1-9]\d* skipped/,
    );
    await admin.goto('/admin/outbox');
    await expect(admin.getByRole('table', { name: 'Outbox' })).toBeVisible();
    await expect(
      admin.getByRole('row', { name: new RegExp(`#${orderNumber} is waiting`) }),
    ).toHaveCount(0);
  } finally {
    await customer.goto('/account');
    await customer.getByLabel('Email me updates about my orders').check();
    await expect(customer.getByRole('status')).toContainText('Preferences saved');
  }
});

test('an admin regenerates a session; a second admin with a stale view gets the conflict', async ({
  browser,
}) => {
  const customer = await signedInPage(browser, 'customer@souk.test');
  await configureAndCheckout(customer);

  const first = await signedInPage(browser, 'admin@souk.test');
  const second = await signedInPage(browser, 'owner@souk.test');
  for (const page of [first, second]) {
    await page.goto('/admin/checkout');
    await page.getByLabel('Status').selectOption('open');
    await expect(page.getByRole('table', { name: 'Checkout sessions' })).toContainText(
      'customer@souk.test',
    );
  }
  const rowOf = (page: Page) =>
    page.getByRole('table', { name: 'Checkout sessions' }).getByRole('row').nth(1);
  await expect(rowOf(second)).toContainText(
    await rowOf(first).getByRole('link').first().innerText(),
  );

  await rowOf(first).getByRole('button', { name: 'Regenerate' }).click();
  await expect(first.getByRole('status')).toContainText('New checkout link created');
  const fresh = await first.getByRole('status').getByRole('link').getAttribute('href');

  await rowOf(second).getByRole('button', { name: 'Regenerate' }).click();
  await expect(
    second
      .getByRole('alert')
      .filter({ hasText: 'This checkout session was changed by someone else' }),
  ).toBeVisible();

  // The new link is a working hosted page.
  await customer.goto(fresh!);
  await customer.getByRole('button', { name: 'Pay' }).click();
  await expectPaidSuccessPage(customer);
});
