import type { Page } from '@playwright/test';
import { expect, test } from '../support/axe';
import { newClient, signedInPage } from '../support/auth';
import { payAnOrder } from '../support/checkout';

// The client portal (issue 14): a customer with a paid order and a booking (and a photo
// attached to it on the booking page) asks for a magic link at /portal, opens it from the
// email (read in the admin outbox), sees their booking with the photo behind a signed link,
// and their invoice, and the same link opened again says it was already used.
test.describe.configure({ mode: 'serial' });

const CUSTOMER = 'customer@souk.test';
const eventDate = `${new Date().getUTCFullYear() + 1}-09-18`;

let orderNumber = '';
let bookingHeading = '';
let link = '';

// A real 1x1 PNG (the server sniffs the bytes), so the test carries no binary fixture.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The newest portal sign-in email to `email`, read in the admin outbox: its link's path. */
async function portalLinkFromOutbox(admin: Page, email: string): Promise<string> {
  await admin.goto('/admin/outbox');
  const row = admin
    .getByRole('row', { name: /Your sign-in link for Souk Demo/ })
    .filter({ hasText: email })
    .first();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'View' }).click();
  const body = (await admin.locator('pre.message-body').first().textContent()) ?? '';
  const found = /https?:\/\/\S+\/portal\/callback\?token=\S+/.exec(body)?.[0];
  expect(found).toBeTruthy();
  return found!.replace(/^https?:\/\/[^/]+/, '');
}

test('the customer has a paid order and an upcoming booking', async ({ browser }) => {
  const customer = await signedInPage(browser, CUSTOMER);
  orderNumber = await payAnOrder(customer);
  expect(orderNumber).toMatch(/^\d+$/);

  await customer.goto('/bookings/new');
  await customer.getByLabel('Event date').fill(eventDate);
  await customer.getByLabel('Guests').fill('80');
  await customer.getByLabel('Location').fill('Portal test garden');
  await customer.getByLabel('Venue').selectOption({ label: 'Harbor Hall' });
  await customer.getByRole('button', { name: 'Send request' }).click();
  await expect(customer).toHaveURL(/\/bookings\/[0-9a-f-]{36}$/);
  bookingHeading = (await customer.getByRole('heading', { name: /^Booking #\d+$/ }).textContent())!;

  // The organizer attaches a photo on the booking page; the portal lists it below.
  await customer.getByLabel('Attach a file').setInputFiles({
    name: 'first-dance.png',
    mimeType: 'image/png',
    buffer: PNG,
  });
  await expect(customer.getByText('Uploaded first-dance.png')).toBeVisible();
  await expect(
    customer.getByRole('table', { name: 'Files of this booking' }).getByRole('row', {
      name: /first-dance\.png/,
    }),
  ).toBeVisible();
});

test('a link is requested at /portal and read from the outbox; the portal shows the booking and invoice', async ({
  browser,
}) => {
  const visitor = await (await newClient(browser)).newPage();
  await visitor.goto('/portal');
  await expect(visitor.getByRole('heading', { name: 'Client portal' })).toBeVisible();

  // A bad address is refused beside the field.
  await visitor.getByLabel('Email').fill('not an email');
  await visitor.getByRole('button', { name: 'Email me a link' }).click();
  await expect(visitor.getByText('Enter your email address')).toBeVisible();

  await visitor.getByLabel('Email').fill(CUSTOMER);
  await visitor.getByRole('button', { name: 'Email me a link' }).click();
  await expect(visitor.getByRole('status')).toContainText(
    'If we know this address, a link is on its way',
  );

  const admin = await signedInPage(browser, 'admin@souk.test');
  link = await portalLinkFromOutbox(admin, CUSTOMER);

  // Opening the link only shows a button (a mail scanner opening it uses nothing up).
  await visitor.goto(link);
  await expect(visitor.getByRole('heading', { name: 'Open your client portal' })).toBeVisible();
  await visitor.getByRole('button', { name: 'Open my portal' }).click();
  await expect(visitor).toHaveURL(/\/portal\/bookings$/);
  await expect(visitor.getByRole('heading', { name: 'Your bookings' })).toBeVisible();
  const nav = visitor.getByRole('navigation', { name: 'Client portal' });
  await expect(nav).toBeVisible();
  await visitor.getByRole('link', { name: bookingHeading, exact: true }).click();
  await expect(visitor.getByRole('heading', { name: bookingHeading })).toBeVisible();
  await expect(visitor.getByText('Portal test garden')).toBeVisible();
  await expect(visitor.getByRole('table', { name: 'Vendors' })).toContainText('Harbor Hall');

  // The photo is behind the portal's signed, expiring link, which leads to the image itself.
  const photo = visitor
    .getByRole('table', { name: 'Photos and files' })
    .getByRole('link', { name: 'first-dance.png' });
  await expect(photo).toBeVisible();
  const href = (await photo.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/api\/portal\/files\/[0-9a-f-]{36}\?exp=\d+&sig=/);
  const image = await visitor.request.get(href);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  expect((await image.body()).equals(PNG)).toBe(true);

  await nav.getByRole('link', { name: 'Invoices' }).click();
  await expect(visitor.getByRole('heading', { name: 'Your invoices' })).toBeVisible();
  // The Order column says "#<number>" alone; the Invoice column says "Invoice #<number>".
  const invoiceRow = visitor
    .getByRole('row')
    .filter({ has: visitor.getByRole('cell', { name: `#${orderNumber}`, exact: true }) });
  await expect(invoiceRow).toContainText('Paid');
  await invoiceRow.getByRole('link', { name: /^Receipt for invoice #\d+$/ }).click();
  await expect(visitor.getByRole('heading', { name: /^Receipt for invoice #\d+$/ })).toBeVisible();
  await expect(visitor.getByText(CUSTOMER).first()).toBeVisible();

  await nav.getByRole('link', { name: 'Orders' }).click();
  await expect(
    visitor.getByRole('link', { name: `Order #${orderNumber}`, exact: true }),
  ).toBeVisible();

  // The same link a second time: refused, in words.
  await visitor.goto(link);
  await visitor.getByRole('button', { name: 'Open my portal' }).click();
  await expect(visitor).toHaveURL(/\/portal\?error=used$/);
  await expect(visitor.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
    'This link was already used; ask for a new one',
  );

  await visitor.getByRole('button', { name: 'Sign out' }).click();
  await expect(visitor.getByText('You are signed out of the client portal.')).toBeVisible();
  await visitor.goto('/portal/invoices');
  await expect(visitor).toHaveURL(/\/portal\?error=signed_out$/);
  await expect(visitor.getByRole('alert').filter({ hasText: /\S/ })).toContainText(
    'Your portal session has ended',
  );
});

test('the used link opened in another browser is refused too', async ({ browser }) => {
  const other = await (await newClient(browser)).newPage();
  await other.goto(link);
  await other.getByRole('button', { name: 'Open my portal' }).click();
  await expect(other.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
    'This link was already used; ask for a new one',
  );
  await expect(other.getByLabel('Email')).toBeVisible();
});
