import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/axe';
import { signedInPage } from '../support/auth';

/** Clicks the page's "Export CSV" and reads the file the browser saved. */
async function exportedCsv(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('an export opens as CSV with the rows the list shows, its filters included', async ({
  browser,
}) => {
  const admin = await signedInPage(browser, 'admin@souk.test');
  await admin.goto('/admin/products');
  await admin.getByPlaceholder('Search name or slug').fill('instagram');
  await admin.getByRole('button', { name: 'Search' }).click();
  await expect(admin).toHaveURL(/search=instagram/);

  const { name, text } = await exportedCsv(admin);
  expect(name).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
  // A BOM so spreadsheet apps read UTF-8, and CRLF rows (RFC 4180).
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = text.slice(1).trimEnd().split('\r\n');
  expect(rows[0]).toBe(
    'Name,Slug,Status,Base price,Currency,Image URL,Created at,Updated at,Product ID',
  );
  const data = rows.slice(1);
  expect(data.length).toBeGreaterThan(0);
  // Only what the search matched, and the demo product with its price as a decimal.
  for (const row of data) expect(row.toLowerCase()).toContain('instagram');
  expect(
    data.some((row) => row.startsWith('Instagram Growth,instagram-growth,active,49.00,USD,')),
  ).toBe(true);

  // The audit log exports too, newest first, as its own file.
  await admin.goto('/admin/audit');
  const audit = await exportedCsv(admin);
  expect(audit.name).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(audit.text.slice(1).split('\r\n').length).toBeGreaterThan(1);
});
