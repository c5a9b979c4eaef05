import { expect, test } from '../support/axe';
import { signedInPage, trpcMutation } from '../support/auth';

async function demoProductId(browser: Parameters<typeof signedInPage>[0]): Promise<string> {
  const admin = await signedInPage(browser, 'admin@souk.test');
  await admin.getByRole('link', { name: 'Instagram Growth' }).click();
  await admin.waitForURL(/\/admin\/products\/[0-9a-f-]{36}$/);
  const id = admin.url().split('/').pop()!;
  await admin.context().close();
  return id;
}

test('a viewer can look but not change, in the UI and through the API', async ({ browser }) => {
  const id = await demoProductId(browser);
  const viewer = await signedInPage(browser, 'viewer@souk.test');
  await expect(viewer.getByRole('link', { name: 'Instagram Growth' })).toBeVisible();
  await expect(viewer.getByRole('link', { name: 'New product' })).toHaveCount(0);

  await viewer.getByRole('link', { name: 'Instagram Growth' }).click();
  await expect(viewer.getByText('your role cannot change it')).toBeVisible();
  await expect(viewer.getByLabel('Name', { exact: true })).toBeDisabled();
  await expect(viewer.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Delete' })).toHaveCount(0);

  const attempt = await trpcMutation(viewer, 'catalog.updateProduct', {
    id,
    name: 'Viewer was here',
  });
  expect(attempt.status).toBe(403);
  expect(attempt.body.error?.json?.message).toContain('catalog.write');
  await viewer.reload();
  await expect(viewer.getByLabel('Name', { exact: true })).toHaveValue('Instagram Growth');
});

test('an admin of another org can neither see nor change the product', async ({ browser }) => {
  const id = await demoProductId(browser);
  const rival = await signedInPage(browser, 'admin@acme.test');
  await expect(rival.getByText('Acme Rival Co')).toBeVisible();
  await rival.getByPlaceholder('Search name or slug').fill('instagram');
  await rival.getByRole('button', { name: 'Search' }).click();
  await expect(rival.getByText('No products match.')).toBeVisible();

  await rival.goto(`/admin/products/${id}`);
  await expect(rival.getByRole('heading', { name: 'Not found' })).toBeVisible();

  const attempt = await trpcMutation(rival, 'catalog.updateProduct', { id, name: 'Stolen' });
  expect(attempt.status).toBe(404);
  const del = await trpcMutation(rival, 'catalog.deleteProduct', { id });
  expect(del.status).toBe(404);

  const admin = await signedInPage(browser, 'admin@souk.test');
  await admin.goto(`/admin/products/${id}`);
  await expect(admin.getByLabel('Name', { exact: true })).toHaveValue('Instagram Growth');
});

test('customers and vendors do not get into the admin console', async ({ browser }) => {
  const customer = await signedInPage(browser, 'customer@souk.test').catch(() => null);
  // A customer signs in fine but sees no admin.
  expect(customer).not.toBeNull();
  await expect(customer!.getByRole('heading', { name: 'No access' })).toBeVisible();
  const attempt = await customer!.request.get(
    '/api/trpc/catalog.listProducts?input=%7B%22json%22%3A%7B%7D%7D',
  );
  expect(attempt.status()).toBe(403);
});
