import type { Page } from '@playwright/test';
import { expect, test } from '../support/axe';
import { signedInPage } from '../support/auth';

// The marketplace journey (spec 004) in Chromium against the production build and
// the Stripe sandbox: onboarding and review, a booking with a counter-offer, a
// deposit, a reservation payout by transfer, the balance, completion, and a
// dispute that holds payouts until an admin resolves it.
test.describe.configure({ mode: 'serial' });

const VENDOR_NAME = 'Golden Hour Films';
let bookingPath = '';
let bookingHeading = '';

let applicant: Page;
let admin: Page;
let organizer: Page;
let venue: Page;

test.beforeAll(async ({ browser }) => {
  applicant = await signedInPage(browser, 'applicant@souk.test');
  admin = await signedInPage(browser, 'admin@souk.test');
  organizer = await signedInPage(browser, 'customer@souk.test');
  venue = await signedInPage(browser, 'venue@souk.test');
});

/** The sandbox's hosted PaymentIntent page: pay and come back to the booking. */
async function payOnSandbox(page: Page, label: RegExp) {
  await page.getByRole('button', { name: label }).click();
  await expect(page).toHaveURL(/\/pay\/payment_intents\/pi_/);
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(page).toHaveURL(/redirect_status=succeeded/);
}

/** A payout row in the admin queue (rows name the vendor) or the vendor's own list (they don't). */
function payoutRow(page: Page, milestone: 'Reservation' | 'Completion', vendor = VENDOR_NAME) {
  return page.getByRole('row').filter({ hasText: vendor }).filter({ hasText: milestone });
}

test('a customer onboards as a service provider, sets up payouts, and an admin approves', async () => {
  await applicant.goto('/vendor');
  await expect(applicant.getByRole('heading', { name: 'Become a vendor' })).toBeVisible();
  await applicant.getByLabel('Service provider').check();
  await applicant.getByLabel('Display name').fill(VENDOR_NAME);
  await applicant.getByLabel('City').fill('Lisbon');
  await applicant.getByLabel('Description').fill('Wedding films and same-day edits');
  await applicant.getByRole('button', { name: 'Submit for review' }).click();
  await expect(applicant.getByText('Your profile is waiting for review.').first()).toBeVisible();

  // Payout details live with the processor: the sandbox's connected-account onboarding.
  await applicant.goto('/vendor/profile');
  await applicant.getByRole('button', { name: 'Set up payouts' }).click();
  await expect(applicant).toHaveURL(/\/connect\/onboarding\//);
  await applicant.getByRole('button', { name: 'Complete onboarding' }).click();
  await expect(applicant).toHaveURL(/\/vendor\/profile\?payouts=return/);
  await expect(applicant.getByText('Payouts enabled').first()).toBeVisible();

  // Not in the public directory until approved.
  await organizer.goto('/vendors');
  await expect(organizer.getByRole('heading', { name: 'Vendors' })).toBeVisible();
  await expect(organizer.getByText(VENDOR_NAME)).toHaveCount(0);

  await admin.goto('/admin/marketplace/vendors');
  const row = admin.getByRole('row').filter({ hasText: VENDOR_NAME });
  await row.getByRole('button', { name: 'Approve' }).click();
  await expect(row).toContainText('Approved');

  await organizer.goto('/vendors');
  await expect(organizer.getByText(VENDOR_NAME).first()).toBeVisible();
  await expect(organizer.getByText('applicant@souk.test')).toHaveCount(0);
});

test('the organizer books the venue and the new service; the service counters, the venue approves', async () => {
  await organizer.goto('/bookings/new');
  await organizer.getByLabel('Event date').fill('2027-06-12');
  await organizer.getByLabel('Guests').fill('120');
  await organizer.getByLabel('Location').fill('Lisbon riverside');
  await organizer.getByLabel('Venue').selectOption({ label: 'Harbor Hall' });
  await organizer.getByLabel(VENDOR_NAME).check();
  await organizer.getByLabel('Notes').fill('Evening reception, film the first dance');
  await organizer.getByLabel('Budget').fill('2500');
  await organizer.getByRole('button', { name: 'Send request' }).click();
  await expect(organizer).toHaveURL(/\/bookings\/[0-9a-f-]{36}$/);
  bookingPath = new URL(organizer.url()).pathname;
  bookingHeading = (await organizer
    .getByRole('heading', { name: /^Booking #\d+$/ })
    .textContent())!;
  await expect(organizer.getByTestId('booking-status')).toHaveText('Awaiting vendor approval');

  // The new vendor finds it in the inbox and counters.
  await applicant.goto('/vendor');
  await applicant.getByRole('link', { name: bookingHeading.replace('Booking ', '') }).click();
  await expect(applicant.getByRole('heading', { name: bookingHeading })).toBeVisible();
  await applicant.getByLabel('Proposed amount').fill('800');
  await applicant.getByRole('button', { name: 'Send counter-offer' }).click();
  await expect(applicant.getByText('countered', { exact: false }).first()).toBeVisible();

  // The organizer's page updates by itself and accepts the counter.
  await expect(organizer.getByRole('button', { name: 'Accept counter-offer' })).toBeVisible({
    timeout: 15_000,
  });
  await organizer.getByRole('button', { name: 'Accept counter-offer' }).click();

  await venue.goto(`/vendor${bookingPath}`);
  await venue.getByLabel('Agreed amount').fill('1700');
  await venue.getByRole('button', { name: 'Approve' }).click();

  await expect(organizer.getByTestId('booking-status')).toHaveText('Ready for payment', {
    timeout: 15_000,
  });
  await expect(organizer.getByRole('button', { name: 'Pay deposit $750.00' })).toBeVisible();
  await expect(organizer.getByRole('button', { name: 'Pay in full $2,500.00' })).toBeVisible();
});

test('deposit on the sandbox; the vendor requests the reservation payout and an admin pays it', async () => {
  await payOnSandbox(organizer, /^Pay deposit \$750\.00$/);
  // The webhook lands asynchronously; the page polls until the payment is confirmed.
  // A deposit is not the whole price: the status says so while the balance is due.
  await expect(organizer.getByTestId('booking-status')).toHaveText('Deposit paid', {
    timeout: 20_000,
  });
  await expect(organizer.getByRole('button', { name: 'Pay balance $1,750.00' })).toBeVisible();

  // $750 deposit x 800/2500 = $240.00; 10% commission -> $216.00 net; half now: $108.00.
  await applicant.goto('/vendor/payouts');
  const reservation = payoutRow(applicant, 'Reservation', '#');
  await expect(reservation).toContainText('$108.00');
  await reservation.getByRole('button', { name: 'Request payout' }).click();
  await expect(reservation).toContainText('Eligible');

  await admin.goto('/admin/marketplace/payouts');
  const pending = payoutRow(admin, 'Reservation');
  await expect(pending).toContainText('$108.00');
  await pending.getByRole('button', { name: 'Approve' }).click();
  await expect(pending).toHaveCount(0); // left the pending queue
  await admin.getByLabel('Status').selectOption({ label: 'paid' });
  await expect(payoutRow(admin, 'Reservation')).toContainText('tr_');
});

test('balance, completion, and a dispute holding the completion payout until resolved', async () => {
  await organizer.goto(bookingPath);
  await payOnSandbox(organizer, /^Pay balance \$1,750\.00$/);
  await expect(organizer.getByTestId('booking-status')).toHaveText('Paid in full', {
    timeout: 20_000,
  });
  // The event (2027-06-12) is still ahead: the organizer is told when completion opens,
  // and only an admin may force it earlier.
  const markCompleted = organizer.getByRole('button', { name: 'Mark event completed' });
  await expect(markCompleted).toBeDisabled();
  await expect(organizer.getByText(/you can mark it completed from that day/)).toBeVisible();
  await admin.goto(`/admin/marketplace${bookingPath}`);
  await admin.getByRole('button', { name: 'Force complete' }).click();
  await expect(admin.getByText(/Booking completed: \d+ payouts? released/)).toBeVisible();
  await organizer.reload();
  await expect(organizer.getByTestId('booking-status')).toHaveText('Completed');

  // Completion payouts are eligible: $108.00 from the deposit and $252.00 from the balance.
  await admin.goto('/admin/marketplace/payouts');
  await expect(payoutRow(admin, 'Completion')).toHaveCount(2);
  await expect(payoutRow(admin, 'Completion').filter({ hasText: '$252.00' })).toBeVisible();

  await organizer.getByLabel('Describe the problem').fill('The film arrived without sound');
  await organizer.getByRole('button', { name: 'Open dispute' }).click();
  await expect(organizer.getByText('Open', { exact: true }).first()).toBeVisible();

  await admin.reload();
  await expect(payoutRow(admin, 'Completion')).toHaveCount(0); // held, not pending
  await admin.getByLabel('Status').selectOption({ label: 'held' });
  await expect(payoutRow(admin, 'Completion')).toHaveCount(2);
  await expect(
    payoutRow(admin, 'Completion').first().getByRole('button', { name: 'Approve' }),
  ).toHaveCount(0);

  await admin.goto('/admin/marketplace/disputes');
  const dispute = admin.getByRole('row').filter({ hasText: 'without sound' });
  await dispute
    .getByLabel('Resolution', { exact: true })
    .selectOption({ label: 'Release held payouts' });
  await dispute.getByLabel('Resolution note').fill('Sound fixed and re-delivered');
  await dispute.getByRole('button', { name: 'Resolve' }).click();
  await expect(dispute).toContainText('Resolved');

  await admin.goto('/admin/marketplace/payouts');
  await expect(payoutRow(admin, 'Completion')).toHaveCount(2);
});
