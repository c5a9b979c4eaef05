import { expect, test } from '../support/axe';
import { signedInPage, trpcMutation } from '../support/auth';

// A product that costs nothing is checked out without the processor: the customer
// lands on their orders, which say it is paid. A price the processor cannot charge is
// refused when the product is saved.
test('a free product checks out straight to My account, paid', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin@souk.test');
  await admin.goto('/admin/products');
  const slug = `free-sample-${Date.now()}`;
  const created = await trpcMutation(admin, 'catalog.createProduct', {
    slug,
    name: 'Free sample',
    basePriceCents: 0,
    currency: 'USD',
    status: 'active',
  });
  expect(created.status).toBe(200);

  const tooSmall = await trpcMutation(admin, 'catalog.createProduct', {
    slug: `${slug}-cent`,
    name: 'One cent',
    basePriceCents: 1,
    currency: 'USD',
    status: 'active',
  });
  expect(tooSmall.status).toBe(400);
  expect(tooSmall.body.error?.json?.message).toContain('cannot charge less than $0.50');

  const customer = await signedInPage(browser, 'customer@souk.test');
  await customer.goto(`/products/${slug}`);
  await expect(customer.getByTestId('total')).toHaveText('$0.00');
  await customer.getByRole('button', { name: 'Checkout' }).click();
  await expect(customer).toHaveURL(/\/account\?paid=/);
  await expect(customer.getByRole('status').filter({ hasText: /is paid/ })).toContainText(
    /Order #\d+ is paid\. Thank you!/,
  );
  const row = customer.getByRole('row', { name: /Free sample/ });
  await expect(row).toContainText('$0.00');
  await expect(row).toContainText('Paid');
});
