import type { Page } from '@playwright/test';
import { expect, test } from '../support/axe';
import { newClient, signIn } from '../support/auth';

const PHONE = { width: 390, height: 844 };

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth');
}

test('the storefront fits a phone, offers a skip link and has a favicon', async ({ page }) => {
  await page.setViewportSize(PHONE);
  const icon = await page.request.get('/icon.svg');
  expect(icon.status()).toBe(200);

  await page.goto('/');
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /icon/);

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('on a phone the admin links fold behind a menu button', async ({ browser }) => {
  const context = await newClient(browser);
  const admin = await context.newPage();
  await signIn(admin, 'admin@souk.test');
  await admin.setViewportSize(PHONE);
  await admin.goto('/admin/products');
  expect(await pageWidth(admin)).toBeLessThanOrEqual(PHONE.width);

  const nav = admin.getByRole('navigation', { name: 'Admin' });
  const menu = nav.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Outbox' })).toBeHidden();

  await menu.click();
  await expect(nav.getByRole('button', { name: 'Close menu' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await nav.getByRole('link', { name: 'Outbox' }).click();
  await expect(admin).toHaveURL(/\/admin\/outbox$/);
  // Following a link closes the menu again.
  await expect(nav.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');

  // On a wide screen the links stay beside the content, the current one marked.
  await admin.setViewportSize({ width: 1280, height: 800 });
  await expect(nav.getByRole('button', { name: 'Menu' })).toBeHidden();
  await expect(nav.getByRole('link', { name: 'Outbox' })).toHaveAttribute('aria-current', 'page');
});
