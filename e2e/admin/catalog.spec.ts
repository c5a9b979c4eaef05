import { expect, test } from '../support/axe';
import { newClient, signedInPage } from '../support/auth';

test('an admin builds a configured product and a customer sees the right live total', async ({
  browser,
}) => {
  const page = await signedInPage(browser, 'admin@souk.test');
  const slug = `e2e-growth-${Date.now()}`;

  await page.getByRole('link', { name: 'New product' }).click();
  await expect(page.getByRole('heading', { name: 'New product' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('E2E Growth Pack');
  await expect(page.getByLabel('Slug')).toHaveValue('e2e-growth-pack'); // suggested from the name
  await page.getByLabel('Slug').fill(slug);
  await page.getByLabel('Base price').fill('49.00');
  await page.getByLabel('Status').selectOption('active');
  await page.getByLabel('Description').fill('Made by the end-to-end test');

  // Group 1: single choice, required, two options
  await page.getByRole('button', { name: 'Add option group' }).click();
  await page.getByLabel('Group 1 name').fill('Audience');
  await page.getByLabel('Group 1 required').check();
  await page.getByLabel('Group 1 option 1 label').fill('Small');
  await page.getByRole('button', { name: 'Add option to group 1' }).click();
  await page.getByLabel('Group 1 option 2 label').fill('Large');
  await page.getByLabel('Group 1 option 2 price change').fill('25.00');

  // Group 2: multiple choice
  await page.getByRole('button', { name: 'Add option group' }).click();
  await page.getByLabel('Group 2 name').fill('Formats');
  await page.getByLabel('Group 2 selection').selectOption('multiple');
  await page.getByLabel('Group 2 option 1 label').fill('Reels');
  await page.getByLabel('Group 2 option 1 price change').fill('10');
  await page.getByRole('button', { name: 'Add option to group 2' }).click();
  await page.getByLabel('Group 2 option 2 label').fill('Stories');
  await page.getByLabel('Group 2 option 2 price change').fill('5.00');

  await page.getByRole('button', { name: 'Add add-on' }).click();
  await page.getByLabel('Add-on 1 label').fill('Weekly report');
  await page.getByLabel('Add-on 1 price').fill('19.00');

  await page.getByRole('button', { name: 'Add custom field' }).click();
  await page.getByLabel('Field 1 label').fill('Handle');
  await page.getByLabel('Field 1 required').check();
  await page.getByLabel('Field 1 max length').fill('30');

  await page.getByRole('button', { name: 'Add plan' }).click();
  await page.getByLabel('Plan 1 label').fill('Once');
  await page.getByLabel('Plan 1 billing cycle').selectOption('one_time');
  await page.getByLabel('Plan 1 is the default').check();
  await page.getByRole('button', { name: 'Add plan' }).click();
  await page.getByLabel('Plan 2 label').fill('Quarterly');
  await page.getByLabel('Plan 2 billing cycle').selectOption('quarterly');
  await page.getByLabel('Plan 2 price %').fill('90');

  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByRole('status')).toHaveText('Product created.');
  await expect(page.getByRole('heading', { name: 'E2E Growth Pack' })).toBeVisible();

  // The admin list shows it at once.
  await page.getByRole('link', { name: '← Products' }).click();
  await page.getByPlaceholder('Search name or slug').fill(slug);
  await page.getByRole('button', { name: 'Search' }).click();
  // By slug: a retried run leaves an earlier product of the same name behind.
  const row = page.getByRole('row', { name: new RegExp(slug) });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('$49.00');

  // A customer (no session) configures it in the storefront.
  const shopper = await (await newClient(browser)).newPage();
  await shopper.goto('/');
  await shopper.getByRole('link', { name: 'E2E Growth Pack' }).click();
  const total = shopper.getByTestId('total');
  await expect(total).toHaveText('$49.00');
  await shopper.getByRole('button', { name: 'Checkout' }).click();
  await expect(shopper.getByText('Choose an option for Audience').first()).toBeVisible();
  await expect(shopper.getByText('Handle is required').first()).toBeVisible();

  await shopper.getByLabel('Large (+$25.00)').check();
  await expect(total).toHaveText('$74.00');
  await shopper.getByLabel('Reels (+$10.00)').check();
  await shopper.getByLabel('Stories (+$5.00)').check();
  await shopper.getByLabel('Weekly report (+$19.00)').check();
  await expect(total).toHaveText('$108.00');
  await shopper.getByLabel(/^Quarterly/).check();
  await expect(total).toHaveText('$97.20'); // 108.00 x 90%
  await shopper.getByLabel('Handle').fill('@souk');
  // Checking out needs an account: a signed-out shopper is sent to sign in and back to
  // this product, the choices carried in the link (header-and-signin.spec.ts follows it).
  await shopper.getByRole('button', { name: 'Checkout' }).click();
  await expect(shopper).toHaveURL(
    new RegExp(`/signin\\?callbackUrl=%2Fproducts%2F${slug}%3Fsel%3D[A-Za-z0-9_-]+$`),
  );
});

test('server validation errors appear next to the fields and nothing is created', async ({
  browser,
}) => {
  const page = await signedInPage(browser, 'admin@souk.test');
  await page.goto('/admin/products/new');
  await page.getByLabel('Name', { exact: true }).fill('Broken');
  await page.getByLabel('Slug').fill('Not A Slug');
  await page.getByLabel('Base price').fill('10');
  await page.getByRole('button', { name: 'Add add-on' }).click();
  await page.getByLabel('Add-on 1 label').fill('Too pricey');
  await page.getByLabel('Add-on 1 price').fill('1000.01'); // over the $1,000.00 limit
  await page.getByRole('button', { name: 'Create product' }).click();

  const slug = page.getByLabel('Slug');
  await expect(slug).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-slug-error')).toHaveText(
    'Slug can only use lowercase letters, numbers and single dashes',
  );
  // In words and in money, beside the field; the summary only counts.
  await expect(page.locator('#f-addOns-0-price-error')).toHaveText(
    'Price must be at most $1,000.00',
  );
  await expect(page.getByRole('alert').filter({ hasText: 'fields need attention' })).toHaveText(
    '2 fields need attention.',
  );
  await expect(page).toHaveURL(/\/admin\/products\/new$/);

  await page.goto('/admin/products');
  await page.getByPlaceholder('Search name or slug').fill('Broken');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No products match.')).toBeVisible();
});

test('edit, archive and delete, with the storefront following along', async ({ browser }) => {
  const page = await signedInPage(browser, 'admin@souk.test');
  const slug = `e2e-edit-${Date.now()}`;
  await page.goto('/admin/products/new');
  await page.getByLabel('Name', { exact: true }).fill('E2E Editable');
  await page.getByLabel('Slug').fill(slug);
  await page.getByLabel('Base price').fill('20');
  await page.getByLabel('Status').selectOption('active');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByRole('status')).toHaveText('Product created.');

  await page.getByLabel('Base price').fill('25.50');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  const shopper = await (await newClient(browser)).newPage();
  await shopper.goto(`/products/${slug}`);
  await expect(shopper.getByTestId('total')).toHaveText('$25.50');

  await page.getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Archive product' }).click();
  await expect(page.getByText('Product archived.')).toBeVisible();
  await shopper.reload();
  await expect(shopper.getByRole('heading', { name: 'Not found' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete product' }).click();
  await expect(page).toHaveURL(/\/admin\/products\?deleted=1$/);
  await page.getByPlaceholder('Search name or slug').fill(slug);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No products match.')).toBeVisible();

  // Every change is in the audit log.
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Action').fill('product.');
  await page.getByRole('button', { name: 'Filter' }).click();
  for (const action of [
    'product.created',
    'product.updated',
    'product.archived',
    'product.deleted',
  ]) {
    await expect(page.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
  }
});
