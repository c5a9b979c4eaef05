import { expect, test } from '../support/axe';
import { newClient, signedInPage } from '../support/auth';

// An admin invites a newcomer as finance from the Users page; the emailed link (read
// from the outbox, as no email channel is configured) lets them choose a password, and
// they sign in to the admin console as finance.

const PASSPHRASE = 'plum orbit canyon velvet';

test('an admin invites a new finance user, who accepts the emailed link and signs in', async ({
  browser,
}) => {
  const email = `invited-${Date.now()}@example.test`;
  const emailPattern = new RegExp(email.replace(/\./g, '\\.'));
  const admin = await signedInPage(browser, 'admin@souk.test');
  await admin.getByRole('link', { name: 'Users' }).click();
  await expect(admin.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();

  await admin.getByRole('button', { name: 'Invite', exact: true }).click();
  const dialog = admin.getByRole('dialog', { name: 'Invite a user' });
  // A member's email is refused beside the field.
  await dialog.getByLabel('Email').fill('viewer@souk.test');
  await dialog.getByLabel('Role').selectOption({ label: 'Finance' });
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(
    dialog.getByText('viewer@souk.test is already a member of this organization'),
  ).toBeVisible();
  // An admin is not offered the owner or admin roles.
  await expect(dialog.getByRole('option', { name: 'Owner' })).toHaveCount(0);

  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(
    admin.getByText(`Invitation sent to ${email}. The link works for 7 days.`),
  ).toBeVisible();
  const pending = admin.getByRole('table', { name: 'Pending invitations' });
  await expect(pending.getByRole('row', { name: emailPattern })).toContainText('Finance');

  // The email waits in the outbox; its link is the way in.
  await admin.getByRole('link', { name: 'Outbox' }).click();
  const row = admin.getByRole('row', { name: emailPattern });
  await expect(row).toContainText('You are invited to join');
  await row.getByRole('button', { name: 'View' }).click();
  const body = (await admin.locator('pre.message-body').first().textContent()) ?? '';
  const link = /https?:\/\/\S+\/invite\/\S+/.exec(body)?.[0];
  expect(link).toBeTruthy();
  const path = new URL(link!).pathname;

  const invitee = await (await newClient(browser)).newPage();
  await invitee.goto(path);
  await expect(invitee.getByRole('heading', { name: /^Join / })).toBeVisible();
  await expect(invitee.getByRole('main')).toContainText(email);
  await expect(invitee.getByRole('main')).toContainText('as finance');
  await invitee.getByLabel('Name').fill('Fay Finance');
  await invitee.getByLabel('Password', { exact: true }).fill(PASSPHRASE);
  await invitee.getByLabel('Repeat password').fill(PASSPHRASE);
  await invitee.getByRole('button', { name: 'Accept invitation' }).click();

  await expect(invitee).toHaveURL(/\/signin\?joined=/);
  await expect(invitee.getByText(/^You joined .+\. Sign in to continue\.$/)).toBeVisible();
  await invitee.getByLabel('Email').fill(email);
  await invitee.getByLabel('Password').fill(PASSPHRASE);
  await invitee.getByRole('button', { name: 'Sign in' }).click();
  await expect(invitee.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(invitee.getByText(`${email} · FINANCE`)).toBeVisible();
  // Finance does not manage users.
  await expect(invitee.getByRole('link', { name: 'Users' })).toHaveCount(0);

  // The link worked once.
  await invitee.goto(path);
  await expect(invitee.getByRole('alert').filter({ hasText: /\S/ })).toHaveText(
    'This invitation was already used. Sign in instead',
  );

  // The admin sees them as a member now, and no longer as pending.
  await admin.goto('/admin/users');
  await expect(
    admin.getByRole('table', { name: 'Users' }).getByRole('row', { name: emailPattern }),
  ).toContainText('Finance');
  await expect(pending.getByRole('row', { name: emailPattern })).toHaveCount(0);
});
