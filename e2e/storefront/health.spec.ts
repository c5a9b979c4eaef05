import { expect, test } from '../support/axe';

test('the storefront lists active products only, with a request id on responses', async ({
  page,
}) => {
  const response = await page.goto('/');
  expect(response?.headers()['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  await expect(page.getByRole('link', { name: 'Instagram Growth' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Brand Photo Session' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'TikTok Launch Kit' })).toHaveCount(0); // a draft
  await expect(page.getByText('sandbox payments')).toBeVisible();
  const health = await page.request.get('/api/health');
  expect(await health.json()).toEqual({ status: 'ok' });
});
