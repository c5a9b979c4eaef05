import { expect, test } from '../support/axe';
import { signedInPage } from '../support/auth';
import { payAnOrder } from '../support/checkout';

// Issue 13's finance back-office as finance and the owner use it: every page opens (and
// passes axe), an invoice is reconciled, billing is paused and resumed with reasons.

test('finance reconciles an invoice, runs a reconciliation, exports a month, reads the reports, pauses and resumes billing', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const customer = await signedInPage(browser, 'customer@souk.test');
  expect(await payAnOrder(customer)).toMatch(/^\d+$/);

  const finance = await signedInPage(browser, 'finance@souk.test');
  await finance.goto('/admin/invoices');
  await expect(finance.getByRole('heading', { name: 'Invoices', level: 1 })).toBeVisible();
  // The order just paid made sure there is an invoice to open.
  await finance
    .getByRole('table')
    .getByRole('link', { name: /^#\d+$/ })
    .first()
    .click();
  const heading = finance.getByRole('heading', { name: /^Invoice #\d+$/, level: 1 });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? '').replace('Invoice #', '');
  await finance.getByRole('button', { name: 'Reconcile' }).click();
  await finance.getByRole('alertdialog').getByRole('button', { name: 'Reconcile' }).click();
  // Whatever it finds, the result is said in words and recorded in the invoice's timeline.
  await expect(
    finance.getByRole('region', { name: 'Invoice actions' }).getByRole('status'),
  ).toContainText(`Invoice #${number}`);
  await expect(
    finance.getByRole('row', { name: /Reconciled finance@souk\.test/ }).first(),
  ).toBeVisible();

  await finance.goto('/admin/invoices/mismatches');
  await expect(
    finance.getByRole('heading', { name: 'Invoice mismatches', level: 1 }),
  ).toBeVisible();
  await finance.goto('/admin/invoices/queue');
  await expect(finance.getByRole('heading', { name: 'Invoices queue', level: 1 })).toBeVisible();
  await finance.goto('/admin/reports');
  await expect(finance.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();

  // Reconciliation: Run now compares the processor's objects with Souk's and says what it found.
  await finance.goto('/admin/reconciliation');
  await expect(finance.getByRole('heading', { name: 'Reconciliation', level: 1 })).toBeVisible();
  await finance.getByRole('button', { name: 'Run now' }).click();
  await finance.getByRole('alertdialog').getByRole('button', { name: 'Run now' }).click();
  await expect(
    finance.getByText(/^Compared [\d,]+ processor objects; [\d,]+ new discrepancies\.$/),
  ).toBeVisible({
    timeout: 30_000,
  });
  await finance.goto('/admin/reconciliation/discrepancies');
  await expect(finance.getByRole('heading', { name: 'Discrepancies', level: 1 })).toBeVisible();

  // Last month's accounting file, stored for finance to download.
  await finance.goto('/admin/exports');
  await expect(
    finance.getByRole('heading', { name: 'Accounting exports', level: 1 }),
  ).toBeVisible();
  const exportMonth = finance.getByRole('form', { name: 'Export a month' });
  await exportMonth.getByRole('button', { name: 'Export month' }).click();
  await expect(exportMonth.getByRole('status')).toBeVisible();

  await finance.goto('/admin/billing');
  await expect(finance.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  try {
    await finance.getByLabel('Reason code').fill('e2e-pause');
    await finance.getByRole('button', { name: 'Pause billing' }).click();
    await finance.getByRole('alertdialog').getByRole('button', { name: 'Pause billing' }).click();
    await expect(finance.getByRole('button', { name: 'Resume billing' })).toBeVisible();
    await expect(finance.getByText('e2e-pause')).toBeVisible();
  } finally {
    // Paused billing refuses new bookings: the marketplace journeys need it active again.
    await finance.getByLabel('Reason code').fill('e2e-resume');
    await finance.getByRole('button', { name: 'Resume billing' }).click();
    await finance.getByRole('alertdialog').getByRole('button', { name: 'Resume billing' }).click();
  }
  await expect(finance.getByRole('button', { name: 'Pause billing' })).toBeVisible();
  await expect(finance.getByText('e2e-resume')).toBeVisible();

  // Settings are the owner's: finance has no link to them.
  await expect(finance.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  const owner = await signedInPage(browser, 'owner@souk.test');
  await owner.goto('/admin/settings');
  await expect(owner.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});
