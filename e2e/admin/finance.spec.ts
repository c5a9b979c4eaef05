import { expect, test } from '../support/axe';
import { signedInPage } from '../support/auth';
import { payAnOrder } from '../support/checkout';

// Issue 13's finance back-office as finance and the owner use it: every page opens (and
// passes axe), an invoice is reconciled, a reconciliation run finds a payment Souk lacks and
// finance resolves it, billing is paused and resumed with reasons.

// The sandbox `pnpm start` runs for the e2e server (playwright.config.ts), with its fixed key.
const SANDBOX = 'http://127.0.0.1:3102';
const SANDBOX_AUTH = { authorization: 'Bearer sk_test_sandbox' };

/** Pays a PaymentIntent at the processor for the demo org, without Souk: returns its id. */
async function payOutsideSouk(amountCents: number): Promise<string> {
  // The org's id, as Souk's own checkout sessions carry it.
  const sessions = (await (
    await fetch(`${SANDBOX}/v1/checkout/sessions?limit=1`, { headers: SANDBOX_AUTH })
  ).json()) as { data: { metadata: Record<string, string> }[] };
  const orgId = sessions.data[0]?.metadata.orgId;
  expect(orgId).toBeTruthy();
  const res = await fetch(`${SANDBOX}/v1/payment_intents`, {
    method: 'POST',
    headers: { ...SANDBOX_AUTH, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      amount: String(amountCents),
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: 'true',
      'metadata[orgId]': orgId!,
    }),
  });
  expect(res.status).toBe(200);
  const intent = (await res.json()) as { id: string; status: string };
  expect(intent.status).toBe('succeeded');
  return intent.id;
}

test('finance reconciles an invoice, runs a reconciliation and resolves what it found, exports a month, reads the reports, pauses and resumes billing', async ({
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

  // A payment Souk never heard of: paid at the processor (the sandbox pnpm start runs) for
  // this org, outside any checkout.
  const unmatched = await payOutsideSouk(4321);

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
  // Finance resolves it: the payment is explained with a note, and says so from then on.
  await finance
    .getByRole('row', { name: new RegExp(unmatched) })
    .getByRole('link')
    .click();
  await expect(finance.getByText(unmatched).first()).toBeVisible();
  await finance.getByLabel('Note').fill('Test payment taken by hand at the terminal');
  await finance.getByRole('button', { name: 'Mark explained' }).click();
  await finance.getByRole('alertdialog').getByRole('button', { name: 'Mark explained' }).click();
  await expect(finance.getByRole('button', { name: 'Re-open' })).toBeVisible();
  await expect(finance.getByText('Note: Test payment taken by hand at the terminal')).toBeVisible();

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
