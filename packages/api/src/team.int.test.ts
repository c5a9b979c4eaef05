// Team management on a real database: invitations by emailed link or temporary password,
// password resets sent by an admin, "sign out everywhere" and removing a member, all
// within the role hierarchy and all audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import {
  ACCEPT_INVITATION_PER_MINUTE,
  authenticate,
  hashPassword,
  inviteMember,
  loadSession,
  resetRateLimit,
  type SessionUser,
  type SoukSession,
} from '@souk/auth';
import { createOrgScope } from '@souk/core';
import { withOrg, type Role } from '@souk/db';
import { DEMO_PASSWORD } from '@souk/db/seed';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { fieldErrorsOf } from './errors';
import { callerAs, seededCallers, sessionFor, type Caller } from './test/harness';

const PASSPHRASE = 'plum orbit canyon velvet';

let testDb: TestDatabase;
let c: Awaited<ReturnType<typeof seededCallers>>;
let owner: Caller;
let ownerSession: SoukSession;
const orgIds: Record<'demo' | 'acme', string> = { demo: '', acme: '' };

beforeAll(async () => {
  testDb = await createTestDatabase();
  c = await seededCallers(testDb.db);
  ownerSession = await sessionFor(testDb.db, 'owner@souk.test');
  owner = callerAs(testDb.db, ownerSession);
  orgIds.demo = c.sessions.admin.orgId;
  orgIds.acme = c.sessions.acmeAdmin.orgId;
});
afterAll(async () => {
  await testDb?.drop();
});
// Every caller here shares one (unknown) client address.
beforeEach(() => resetRateLimit('invitation-accept', ACCEPT_INVITATION_PER_MINUTE, 'unknown'));

const newEmail = (tag: string) => `${tag}-${crypto.randomUUID()}@example.test`;

async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  const error = await p.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** A fresh person with the given role in each org. */
async function member(roles: Partial<Record<'demo' | 'acme', Role>>) {
  const email = newEmail('member');
  const user = await testDb.ownerDb.user.create({
    data: { email, passwordHash: await hashPassword(DEMO_PASSWORD) },
  });
  for (const [slug, role] of Object.entries(roles) as ['demo' | 'acme', Role][]) {
    await withOrg(testDb.db, orgIds[slug], (tx) =>
      tx.membership.create({ data: { orgId: orgIds[slug], userId: user.id, role } }),
    );
  }
  return { email, id: user.id };
}

const outboxTo = (recipient: string) =>
  testDb.ownerDb.outboxEvent.findMany({ where: { recipient }, orderBy: { createdAt: 'asc' } });
const auditRows = (action: string, entityId: string) =>
  testDb.ownerDb.auditLog.findMany({ where: { action, entityId } });
const membershipOf = (userId: string, org: 'demo' | 'acme' = 'demo') =>
  testDb.ownerDb.membership.findUnique({
    where: { orgId_userId: { orgId: orgIds[org], userId } },
  });

/** The token of the newest invitation email to this address. */
async function invitationLink(email: string): Promise<{ link: string; token: string }> {
  const rows = await outboxTo(email);
  const body = rows.at(-1)?.body ?? '';
  const link = /https?:\/\/\S+\/invite\/(\S+)/.exec(body);
  expect(link, body).not.toBeNull();
  return { link: link![0], token: decodeURIComponent(link![1]!) };
}

function soukSession(user: SessionUser): SoukSession {
  const { id, email, name, ...rest } = user;
  return { user: { id, email, name }, ...rest };
}

describe('users.inviteMember by emailed link', () => {
  it('emails a link; a newcomer accepts, joins with the role and signs in', async () => {
    const email = newEmail('Invited').toUpperCase();
    const invited = await c.admin.users.inviteMember({ email, role: 'FINANCE' });
    const lower = email.toLowerCase();
    expect(invited).toMatchObject({ email: lower, role: 'FINANCE', temporaryPassword: null });
    expect(invited.expiresAt!.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

    const [mail] = await outboxTo(lower);
    expect(mail).toMatchObject({ channel: 'email', recipient: lower, orgId: orgIds.demo });
    expect(mail!.subject).toBe('You are invited to join Souk Demo on Souk');
    expect(mail!.body).toContain('/invite/');
    expect(mail!.body).toContain('admin@souk.test invited you');
    const { link, token } = await invitationLink(lower);
    expect(link).toMatch(/^http:\/\/localhost:3000\/invite\//);
    expect(token.startsWith(`${orgIds.demo}.`)).toBe(true);
    // Only the hash is stored.
    const row = await testDb.ownerDb.invitation.findUniqueOrThrow({
      where: { id: invited.invitationId! },
    });
    expect(row.tokenHash).not.toContain(token.split('.')[1]!);

    const listed = await c.admin.users.listInvitations();
    expect(listed.find((i) => i.id === invited.invitationId)).toMatchObject({
      email: lower,
      role: 'FINANCE',
      invitedByEmail: 'admin@souk.test',
      isExpired: false,
    });

    expect(await c.anonymous.auth.getInvitation({ token })).toEqual({
      email: lower,
      role: 'FINANCE',
      orgName: expect.any(String) as string,
      hasAccount: false,
    });

    // The password policy answers beside the field, and nothing is created.
    const weak = await errorOf(
      c.anonymous.auth.acceptInvitation({ token, name: 'Fay Finance', password: 'password123' }),
    );
    expect(fieldErrorsOf(weak.cause)?.password?.[0]).toMatch(/common or leaked/);
    const noName = await errorOf(
      c.anonymous.auth.acceptInvitation({ token, password: PASSPHRASE }),
    );
    expect(fieldErrorsOf(noName.cause)).toEqual({ name: ['Name is required'] });
    expect(await testDb.ownerDb.user.findUnique({ where: { email: lower } })).toBeNull();

    const accepted = await c.anonymous.auth.acceptInvitation({
      token,
      name: 'Fay Finance',
      password: PASSPHRASE,
    });
    expect(accepted).toMatchObject({ email: lower, orgSlug: 'demo' });
    const user = await testDb.ownerDb.user.findUniqueOrThrow({ where: { email: lower } });
    expect(user.name).toBe('Fay Finance');
    expect((await membershipOf(user.id))?.role).toBe('FINANCE');
    expect(await authenticate({ db: testDb.db, email: lower, password: PASSPHRASE })).toMatchObject(
      { orgId: orgIds.demo, role: 'FINANCE', mustChangePassword: false },
    );

    // Used once.
    const again = await errorOf(
      c.anonymous.auth.acceptInvitation({ token, name: 'Fay', password: PASSPHRASE }),
    );
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe('This invitation was already used. Sign in instead');
    expect((await c.admin.users.listInvitations()).some((i) => i.id === invited.invitationId)).toBe(
      false,
    );

    const invitedAudit = await auditRows('user.invited', invited.invitationId!);
    expect(invitedAudit).toHaveLength(1);
    expect(invitedAudit[0]).toMatchObject({ actorEmail: 'admin@souk.test' });
    expect(JSON.stringify(invitedAudit[0]!.after)).not.toContain(token.split('.')[1]!);
    const acceptedAudit = await auditRows('user.invitation_accepted', user.id);
    expect(acceptedAudit).toHaveLength(1);
    expect(acceptedAudit[0]).toMatchObject({ actorEmail: lower, orgId: orgIds.demo });
  });

  it('someone with a Souk account elsewhere joins with their current password', async () => {
    const elsewhere = await member({ acme: 'VIEWER' });
    await owner.users.inviteMember({ email: elsewhere.email, role: 'DISPATCHER' });
    const { token } = await invitationLink(elsewhere.email);
    expect((await c.anonymous.auth.getInvitation({ token })).hasAccount).toBe(true);

    const wrong = await errorOf(
      c.anonymous.auth.acceptInvitation({ token, password: 'not the password' }),
    );
    expect(fieldErrorsOf(wrong.cause)?.password?.[0]).toMatch(/^Password is incorrect/);
    expect(await membershipOf(elsewhere.id)).toBeNull();

    await c.anonymous.auth.acceptInvitation({ token, password: DEMO_PASSWORD });
    expect((await membershipOf(elsewhere.id))?.role).toBe('DISPATCHER');
    expect((await membershipOf(elsewhere.id, 'acme'))?.role).toBe('VIEWER');
    // Their password did not change.
    expect(
      await authenticate({ db: testDb.db, email: elsewhere.email, password: DEMO_PASSWORD }),
    ).not.toBeNull();
  });

  it('expired, withdrawn, replaced and made-up links say so in words', async () => {
    const email = newEmail('expiring');
    const first = await c.admin.users.inviteMember({ email, role: 'VIEWER' });
    const { token: firstToken } = await invitationLink(email);
    await testDb.ownerDb.invitation.update({
      where: { id: first.invitationId! },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await errorOf(c.anonymous.auth.getInvitation({ token: firstToken }));
    expect(expired.message).toBe(
      'This invitation has expired. Ask the person who invited you for a new one',
    );
    expect(
      (await c.admin.users.listInvitations()).find((i) => i.id === first.invitationId)?.isExpired,
    ).toBe(true);
    const expiredAccept = await errorOf(
      c.anonymous.auth.acceptInvitation({ token: firstToken, name: 'Ex', password: PASSPHRASE }),
    );
    expect(expiredAccept.code).toBe('CONFLICT');
    expect(fieldErrorsOf(expiredAccept.cause)?.token?.[0]).toMatch(/has expired/);

    // A new invitation for the same address replaces the old one.
    await c.admin.users.inviteMember({ email, role: 'FINANCE' });
    const { token: secondToken } = await invitationLink(email);
    expect(secondToken).not.toBe(firstToken);
    const pending = (await c.admin.users.listInvitations()).filter((i) => i.email === email);
    expect(pending).toHaveLength(1);
    expect(pending[0]!.role).toBe('FINANCE');
    expect((await errorOf(c.anonymous.auth.getInvitation({ token: firstToken }))).message).toBe(
      'This invitation was withdrawn. Ask the person who invited you for a new one',
    );

    // Withdrawn by an admin, audited.
    const revoked = await c.admin.users.revokeInvitation({ id: pending[0]!.id });
    expect(revoked).toEqual({ id: pending[0]!.id, revoked: true });
    const refused = await errorOf(
      c.anonymous.auth.acceptInvitation({ token: secondToken, name: 'Ex', password: PASSPHRASE }),
    );
    expect(refused.message).toMatch(/withdrawn/);
    expect(await auditRows('user.invitation_revoked', pending[0]!.id)).toHaveLength(1);
    expect(await testDb.ownerDb.user.findUnique({ where: { email } })).toBeNull();

    for (const token of [
      `${orgIds.demo}.${'A'.repeat(43)}`,
      'not-a-token',
      `${crypto.randomUUID()}.${'B'.repeat(43)}`,
    ]) {
      const bad = await errorOf(c.anonymous.auth.getInvitation({ token }));
      expect(bad.code).toBe('NOT_FOUND');
      expect(bad.message).toBe(
        'This invitation link is not valid. Ask the person who invited you for a new one',
      );
    }
  });

  it('the hierarchy: an admin cannot invite an owner or admin; members are refused by email', async () => {
    for (const role of ['OWNER', 'ADMIN'] as const) {
      const email = newEmail('climber');
      const error = await errorOf(c.admin.users.inviteMember({ email, role }));
      expect(error.code).toBe('FORBIDDEN');
      expect(fieldErrorsOf(error.cause)?.role?.[0]).toMatch(/^Only an owner can invite an/);
      expect(await outboxTo(email)).toEqual([]);
    }
    const ok = await owner.users.inviteMember({ email: newEmail('new-admin'), role: 'ADMIN' });
    expect(ok.invitationId).not.toBeNull();
    // An admin cannot withdraw the owner's invitation of an admin either.
    expect((await errorOf(c.admin.users.revokeInvitation({ id: ok.invitationId! }))).code).toBe(
      'FORBIDDEN',
    );

    const taken = await errorOf(
      c.admin.users.inviteMember({ email: 'Viewer@souk.test', role: 'FINANCE' }),
    );
    expect(taken.code).toBe('CONFLICT');
    expect(fieldErrorsOf(taken.cause)).toEqual({
      email: ['viewer@souk.test is already a member of this organization'],
    });
    // Staff only, and only with users.manage.
    expect(
      (await errorOf(c.viewer.users.inviteMember({ email: newEmail('x'), role: 'VIEWER' }))).code,
    ).toBe('FORBIDDEN');
    const customerRole = await errorOf(
      c.admin.users.inviteMember({ email: newEmail('x'), role: 'CUSTOMER' as 'VIEWER' }),
    );
    expect(customerRole.code).toBe('BAD_REQUEST');
  });

  it('acceptance attempts are limited per client address', async () => {
    let last: TRPCError | undefined;
    for (let i = 0; i <= ACCEPT_INVITATION_PER_MINUTE; i += 1) {
      last = await errorOf(
        c.anonymous.auth.acceptInvitation({
          token: `${orgIds.demo}.${'C'.repeat(43)}`,
          password: PASSPHRASE,
        }),
      );
    }
    expect(last!.code).toBe('TOO_MANY_REQUESTS');
    expect(last!.message).toMatch(/^Too many attempts\. Try again in \d+ seconds$/);
  });
});

describe('EMAIL_TEMP_PASSWORDS: the account is created with a temporary password', () => {
  it('shows the password once, never emails it, and nothing but a password change works until then', async () => {
    const email = newEmail('temp');
    const scope = createOrgScope({
      db: testDb.db,
      orgId: orgIds.demo,
      actor: { userId: ownerSession.user.id, email: 'owner@souk.test', role: 'OWNER' },
    });
    const result = await scope.transaction((ctx) =>
      inviteMember({ ctx, input: { email, role: 'ADMIN' }, tempPasswords: true }),
    );
    expect(result.temporaryPassword).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    expect(result.invitationId).toBeNull();
    const temporaryPassword = result.temporaryPassword!;

    const [mail] = await outboxTo(email);
    expect(mail!.body).toContain('They will give you a temporary password');
    expect(mail!.body).not.toContain(temporaryPassword);
    const audit = await auditRows('user.invited', result.userId!);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain(temporaryPassword);
    expect((await membershipOf(result.userId!))?.role).toBe('ADMIN');

    const signedIn = await authenticate({ db: testDb.db, email, password: temporaryPassword });
    expect(signedIn).toMatchObject({ role: 'ADMIN', mustChangePassword: true });
    const session = soukSession(signedIn!);
    const temp = callerAs(testDb.db, session);
    const refused = await errorOf(temp.users.listMembers());
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe('Choose a new password first');
    expect(
      (await errorOf(temp.users.inviteMember({ email: newEmail('y'), role: 'VIEWER' }))).message,
    ).toBe('Choose a new password first');
    expect(await temp.auth.getCurrentUser()).toMatchObject({ role: 'ADMIN' });

    await temp.auth.changePassword({ currentPassword: temporaryPassword, newPassword: PASSPHRASE });
    expect(
      (await testDb.ownerDb.user.findUniqueOrThrow({ where: { email } })).mustChangePassword,
    ).toBe(false);
    // The change ended the temporary session; the next sign-in works normally.
    expect(await loadSession({ db: testDb.db, sid: signedIn!.sid })).toBeNull();
    const fresh = await authenticate({ db: testDb.db, email, password: PASSPHRASE });
    expect(fresh).toMatchObject({ mustChangePassword: false });
    const members = await callerAs(testDb.db, soukSession(fresh!)).users.listMembers();
    expect(members.some((m) => m.email === email)).toBe(true);
  });

  it('an address that already has an account still gets a link', async () => {
    const elsewhere = await member({ acme: 'VIEWER' });
    const scope = createOrgScope({
      db: testDb.db,
      orgId: orgIds.demo,
      actor: { userId: ownerSession.user.id, email: 'owner@souk.test', role: 'OWNER' },
    });
    const result = await scope.transaction((ctx) =>
      inviteMember({ ctx, input: { email: elsewhere.email, role: 'VIEWER' }, tempPasswords: true }),
    );
    expect(result.temporaryPassword).toBeNull();
    expect(result.invitationId).not.toBeNull();
    expect((await invitationLink(elsewhere.email)).token).toContain('.');
  });
});

describe('users.sendPasswordReset', () => {
  it('emails the member a reset link, within the hierarchy, audited', async () => {
    const staff = await member({ demo: 'FINANCE' });
    expect(await c.admin.users.sendPasswordReset({ userId: staff.id })).toEqual({
      userId: staff.id,
      email: staff.email,
      sent: true,
    });
    const [mail] = await outboxTo(staff.email);
    expect(mail!.subject).toBe('Reset your Souk password');
    expect(mail!.body).toMatch(/https?:\/\/\S+\/signin\/reset\?token=\S+/);
    expect(mail!.body).toContain('admin@souk.test sent you a link');
    expect(await auditRows('user.password_reset_sent', staff.id)).toHaveLength(1);

    // The link works like a forgotten-password one, and ends a temporary password too.
    await testDb.ownerDb.user.update({
      where: { id: staff.id },
      data: { mustChangePassword: true },
    });
    const token = decodeURIComponent(/\/signin\/reset\?token=(\S+)/.exec(mail!.body)![1]!);
    await c.anonymous.auth.resetPassword({ token, password: PASSPHRASE });
    expect(
      await authenticate({ db: testDb.db, email: staff.email, password: PASSPHRASE }),
    ).toMatchObject({ role: 'FINANCE', mustChangePassword: false });

    const toOwner = await errorOf(
      c.admin.users.sendPasswordReset({ userId: ownerSession.user.id }),
    );
    expect(toOwner.code).toBe('FORBIDDEN');
    expect(toOwner.message).toBe(
      'Only an owner can reset the password of an owner (owner@souk.test)',
    );
    expect(await outboxTo('owner@souk.test')).toEqual([]);
  });
});

describe('users.signOutEverywhere', () => {
  it('ends every session without disabling the member; they can sign in again', async () => {
    const staff = await member({ demo: 'VIEWER' });
    const a = await authenticate({ db: testDb.db, email: staff.email, password: DEMO_PASSWORD });
    const b = await authenticate({ db: testDb.db, email: staff.email, password: DEMO_PASSWORD });
    expect(await c.admin.users.signOutEverywhere({ userId: staff.id })).toEqual({
      userId: staff.id,
      sessionsRevoked: 2,
    });
    expect(await loadSession({ db: testDb.db, sid: a!.sid })).toBeNull();
    expect(await loadSession({ db: testDb.db, sid: b!.sid })).toBeNull();
    expect((await membershipOf(staff.id))?.disabledAt).toBeNull();
    expect(
      await authenticate({ db: testDb.db, email: staff.email, password: DEMO_PASSWORD }),
    ).not.toBeNull();
    const audit = await auditRows('user.signed_out_everywhere', staff.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ sessionsRevoked: 2 });
  });

  it('anyone may sign themselves out; an admin cannot sign out the owner', async () => {
    const self = await c.admin.users.signOutEverywhere({ userId: c.sessions.admin.user.id });
    expect(self.userId).toBe(c.sessions.admin.user.id);
    expect(
      (await errorOf(c.admin.users.signOutEverywhere({ userId: ownerSession.user.id }))).code,
    ).toBe('FORBIDDEN');
  });
});

describe('users.removeMember', () => {
  it("removes the membership and ends that org's sessions; the account and other orgs stay", async () => {
    const both = await member({ demo: 'DISPATCHER', acme: 'VIEWER' });
    const demoSession = await authenticate({
      db: testDb.db,
      email: both.email,
      password: DEMO_PASSWORD,
    });
    expect(demoSession).toMatchObject({ orgId: orgIds.demo });
    expect(await c.admin.users.removeMember({ userId: both.id })).toEqual({
      userId: both.id,
      removed: true,
      sessionsRevoked: 1,
    });
    expect(await membershipOf(both.id)).toBeNull();
    expect(await membershipOf(both.id, 'acme')).not.toBeNull();
    expect(await loadSession({ db: testDb.db, sid: demoSession!.sid })).toBeNull();
    expect(
      await authenticate({ db: testDb.db, email: both.email, password: DEMO_PASSWORD }),
    ).toMatchObject({ orgId: orgIds.acme });
    expect((await c.admin.users.listMembers()).some((m) => m.userId === both.id)).toBe(false);
    const audit = await auditRows('user.removed', both.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ orgId: orgIds.demo, actorEmail: 'admin@souk.test' });
    expect(audit[0]!.before).toMatchObject({ email: both.email, role: 'DISPATCHER' });
  });

  it('refuses yourself, the last owner, and an admin removing an admin', async () => {
    const self = await errorOf(owner.users.removeMember({ userId: ownerSession.user.id }));
    expect(self.code).toBe('FORBIDDEN');
    expect(self.message).toBe('You cannot remove yourself from the organization');
    const byAdmin = await errorOf(c.admin.users.removeMember({ userId: ownerSession.user.id }));
    expect(byAdmin.code).toBe('FORBIDDEN');
    expect(byAdmin.message).toBe('Only an owner can remove an owner (owner@souk.test)');
    const otherAdmin = await member({ demo: 'ADMIN' });
    expect((await errorOf(c.admin.users.removeMember({ userId: otherAdmin.id }))).code).toBe(
      'FORBIDDEN',
    );
    expect(await membershipOf(ownerSession.user.id)).not.toBeNull();
    expect(await membershipOf(otherAdmin.id)).not.toBeNull();
    expect(await auditRows('user.removed', ownerSession.user.id)).toEqual([]);
    // The owner removes the other admin.
    await owner.users.removeMember({ userId: otherAdmin.id });
    expect(await membershipOf(otherAdmin.id)).toBeNull();
  });

  it("another org's admin reaches none of it: not found, nothing changes", async () => {
    const staff = await member({ demo: 'VIEWER' });
    const signedIn = await authenticate({
      db: testDb.db,
      email: staff.email,
      password: DEMO_PASSWORD,
    });
    const userId = staff.id;
    for (const call of [
      () => c.acmeAdmin.users.removeMember({ userId }),
      () => c.acmeAdmin.users.signOutEverywhere({ userId }),
      () => c.acmeAdmin.users.sendPasswordReset({ userId }),
    ]) {
      expect((await errorOf(call())).code).toBe('NOT_FOUND');
    }
    const invited = await c.admin.users.inviteMember({ email: newEmail('z'), role: 'VIEWER' });
    expect(
      (await errorOf(c.acmeAdmin.users.revokeInvitation({ id: invited.invitationId! }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (await c.acmeAdmin.users.listInvitations()).some((i) => i.id === invited.invitationId),
    ).toBe(false);
    expect(await membershipOf(staff.id)).not.toBeNull();
    expect(await loadSession({ db: testDb.db, sid: signedIn!.sid })).not.toBeNull();
    expect(await outboxTo(staff.email)).toEqual([]);
  });
});
