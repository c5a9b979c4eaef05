import { expect, test } from '../support/axe';
import { DEMO_PASSWORD, newClient, signIn, signedInPage } from '../support/auth';

test('an admin disables a signed-in user: their session ends at once and sign-in is refused', async ({
  browser,
}) => {
  const victim = await (await newClient(browser)).newPage();
  await signIn(victim, 'finance@souk.test');

  const admin = await signedInPage(browser, 'admin@souk.test');
  await admin.getByRole('link', { name: 'Users' }).click();
  await admin.getByRole('button', { name: 'Actions for finance@souk.test' }).click();
  await admin.getByRole('menuitem', { name: 'Disable', exact: true }).click();
  await expect(admin.getByRole('row', { name: /finance@souk\.test/ })).toContainText('disabled');

  await victim.goto('/admin/products');
  await expect(victim).toHaveURL(/\/signin/);
  await victim.getByLabel('Email').fill('finance@souk.test');
  await victim.getByLabel('Password').fill(DEMO_PASSWORD);
  await victim.getByRole('button', { name: 'Sign in' }).click();
  await expect(victim.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
    'Email or password is incorrect.',
  );

  await admin.getByRole('button', { name: 'Actions for finance@souk.test' }).click();
  await admin.getByRole('menuitem', { name: 'Enable', exact: true }).click();
  await expect(admin.getByRole('row', { name: /finance@souk\.test/ })).toContainText('active');
  await victim.getByRole('button', { name: 'Sign in' }).click();
  await expect(victim.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // The audit log shows who did it.
  await admin.getByRole('link', { name: 'Audit log' }).click();
  await admin.getByLabel('Action', { exact: true }).fill('user.disabled');
  await admin.getByRole('button', { name: 'Filter' }).click();
  await expect(admin.getByRole('row', { name: /admin@souk\.test.*user\.disabled/ })).toBeVisible();
});

test('only OWNER and ADMIN manage users', async ({ browser }) => {
  const viewer = await signedInPage(browser, 'viewer@souk.test');
  await expect(viewer.getByRole('link', { name: 'Users' })).toHaveCount(0);
  const res = await viewer.request.get('/api/trpc/users.listMembers');
  expect(res.status()).toBe(403);
});
