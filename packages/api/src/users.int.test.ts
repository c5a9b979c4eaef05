// Managing the org's people through tRPC on a real database: the role hierarchy,
// disabling per org (not per person), and the last owner who keeps the org run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { authenticate, hashPassword, loadSession } from '@souk/auth';
import { withOrg, type Role } from '@souk/db';
import { DEMO_PASSWORD } from '@souk/db/seed';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { fieldErrorsOf } from './errors';
import { callerAs, seededCallers, sessionFor } from './test/harness';

let testDb: TestDatabase;
let c: Awaited<ReturnType<typeof seededCallers>>;
type Caller = ReturnType<typeof callerAs>;
let owner: Caller;
let ownerId: string;
const orgIds: Record<'demo' | 'acme', string> = { demo: '', acme: '' };

beforeAll(async () => {
  testDb = await createTestDatabase();
  c = await seededCallers(testDb.db);
  const ownerSession = await sessionFor(testDb.db, 'owner@souk.test');
  owner = callerAs(testDb.db, ownerSession);
  ownerId = ownerSession.user.id;
  orgIds.demo = c.sessions.admin.orgId;
  orgIds.acme = c.sessions.acmeAdmin.orgId;
});
afterAll(async () => {
  await testDb?.drop();
});

/** A fresh person with the given role in each org; the caller acts in the first org. */
async function member(roles: Partial<Record<'demo' | 'acme', Role>>) {
  const email = `member-${crypto.randomUUID()}@souk.test`;
  const user = await testDb.ownerDb.user.create({
    data: { email, passwordHash: await hashPassword(DEMO_PASSWORD) },
  });
  for (const [slug, role] of Object.entries(roles) as ['demo' | 'acme', Role][]) {
    await withOrg(testDb.db, orgIds[slug], (tx) =>
      tx.membership.create({ data: { orgId: orgIds[slug], userId: user.id, role } }),
    );
  }
  return { email, id: user.id, caller: () => sessionFor(testDb.db, email) };
}

async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  const error = await p.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const membershipOf = (userId: string, org: 'demo' | 'acme' = 'demo') =>
  testDb.ownerDb.membership.findUniqueOrThrow({
    where: { orgId_userId: { orgId: orgIds[org], userId } },
  });
const userRow = (userId: string) =>
  testDb.ownerDb.user.findUniqueOrThrow({ where: { id: userId } });
const auditOf = (userId: string) =>
  testDb.ownerDb.auditLog.findMany({ where: { entityId: userId }, orderBy: { createdAt: 'asc' } });

describe('users.setMemberDisabled: the role hierarchy', () => {
  it('an admin cannot disable the owner or another admin; nothing changes', async () => {
    const toOwner = await errorOf(
      c.admin.users.setMemberDisabled({ userId: ownerId, disabled: true }),
    );
    expect(toOwner.code).toBe('FORBIDDEN');
    expect(toOwner.message).toBe('Only an owner can disable an owner (owner@souk.test)');

    const otherAdmin = await member({ demo: 'ADMIN' });
    const toAdmin = await errorOf(
      c.admin.users.setMemberDisabled({ userId: otherAdmin.id, disabled: true }),
    );
    expect(toAdmin.code).toBe('FORBIDDEN');
    expect(toAdmin.message).toBe(`Only an owner can disable an admin (${otherAdmin.email})`);

    expect((await membershipOf(ownerId)).disabledAt).toBeNull();
    expect((await membershipOf(otherAdmin.id)).disabledAt).toBeNull();
    expect((await userRow(ownerId)).disabledAt).toBeNull();
    expect(await auditOf(otherAdmin.id)).toEqual([]);
  });

  it('an admin may disable a lower role, in this org only', async () => {
    const viewer = await member({ demo: 'VIEWER' });
    const result = await c.admin.users.setMemberDisabled({ userId: viewer.id, disabled: true });
    expect(result).toMatchObject({ userId: viewer.id, disabled: true });
    expect((await membershipOf(viewer.id)).disabledAt).not.toBeNull();
    // users.disabledAt is the platform's switch: a tenant never sets it.
    expect((await userRow(viewer.id)).disabledAt).toBeNull();
    const listed = (await c.admin.users.listMembers()).find((m) => m.userId === viewer.id);
    expect(listed).toMatchObject({ role: 'VIEWER', isPlatformDisabled: false });
    expect(listed!.disabledAt).toBeInstanceOf(Date);
  });

  it('an owner disables an admin: the membership, not the person, and their sessions here end', async () => {
    const admin2 = await member({ demo: 'ADMIN' });
    const signedIn = await authenticate({
      db: testDb.db,
      email: admin2.email,
      password: DEMO_PASSWORD,
    });
    expect(signedIn).toMatchObject({ orgId: orgIds.demo, role: 'ADMIN' });

    const result = await owner.users.setMemberDisabled({ userId: admin2.id, disabled: true });
    expect(result).toEqual({ userId: admin2.id, disabled: true, sessionsRevoked: 1 });
    expect((await membershipOf(admin2.id)).disabledAt).not.toBeNull();
    expect((await userRow(admin2.id)).disabledAt).toBeNull();
    const session = await testDb.ownerDb.authSession.findUniqueOrThrow({
      where: { id: signedIn!.sid },
    });
    expect(session.revokedAt).not.toBeNull();
    expect(await loadSession({ db: testDb.db, sid: signedIn!.sid })).toBeNull();
    // No other org to fall back to: sign-in is refused.
    expect(
      await authenticate({ db: testDb.db, email: admin2.email, password: DEMO_PASSWORD }),
    ).toBeNull();
    const audit = await auditOf(admin2.id);
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ['user.disabled', 'owner@souk.test'],
    ]);
    expect(audit[0]!.after).toMatchObject({ email: admin2.email, role: 'ADMIN' });

    await owner.users.setMemberDisabled({ userId: admin2.id, disabled: false });
    expect((await membershipOf(admin2.id)).disabledAt).toBeNull();
    expect(
      await authenticate({ db: testDb.db, email: admin2.email, password: DEMO_PASSWORD }),
    ).toMatchObject({ orgId: orgIds.demo, role: 'ADMIN' });
  });

  it('nobody disables themselves, and a tenant admin cannot reach another org', async () => {
    const self = await errorOf(owner.users.setMemberDisabled({ userId: ownerId, disabled: true }));
    expect(self.code).toBe('FORBIDDEN');
    expect(self.message).toBe('You cannot disable your own account');
    expect(fieldErrorsOf(self.cause)).toEqual({ userId: ['You cannot disable your own account'] });

    const demoViewer = await member({ demo: 'VIEWER' });
    const across = await errorOf(
      c.acmeAdmin.users.setMemberDisabled({ userId: demoViewer.id, disabled: true }),
    );
    expect(across.code).toBe('NOT_FOUND');
    expect((await membershipOf(demoViewer.id)).disabledAt).toBeNull();
    expect((await membershipOf(ownerId)).disabledAt).toBeNull();
  });
});

describe('the last enabled owner', () => {
  it('cannot be demoted', async () => {
    const error = await errorOf(owner.users.setMemberRole({ userId: ownerId, role: 'ADMIN' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      'You cannot demote owner@souk.test: they are the last enabled owner of this organization. Make someone else an owner first',
    );
    expect((await membershipOf(ownerId)).role).toBe('OWNER');
  });

  it('two owners disabling each other at once: one wins, one enabled owner remains', async () => {
    const second = await member({ demo: 'OWNER' });
    const secondCaller = callerAs(testDb.db, await second.caller());
    const results = await Promise.allSettled([
      owner.users.setMemberDisabled({ userId: second.id, disabled: true }),
      secondCaller.users.setMemberDisabled({ userId: ownerId, disabled: true }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected')!;
    expect((refused.reason as TRPCError).code).toMatch(/^(FORBIDDEN|CONFLICT)$/);

    const owners = await testDb.ownerDb.membership.findMany({
      where: { orgId: orgIds.demo, role: 'OWNER' },
    });
    const enabled = owners.filter((m) => m.disabledAt === null);
    expect(enabled).toHaveLength(1);

    // The owner left in charge re-enables the other, and the org has two owners again.
    const winner = enabled[0]!.userId === ownerId ? owner : secondCaller;
    const loserId = enabled[0]!.userId === ownerId ? second.id : ownerId;
    await winner.users.setMemberDisabled({ userId: loserId, disabled: false });
    // With two enabled owners, one may now be demoted; the last one may not.
    await owner.users.setMemberRole({ userId: second.id, role: 'VIEWER' });
    expect((await membershipOf(second.id)).role).toBe('VIEWER');
    expect((await membershipOf(ownerId)).disabledAt).toBeNull();
  });
});

describe('users.setMemberRole', () => {
  it('follows the same hierarchy and is audited', async () => {
    const staff = await member({ demo: 'VIEWER' });
    expect(await c.admin.users.setMemberRole({ userId: staff.id, role: 'FINANCE' })).toEqual({
      userId: staff.id,
      role: 'FINANCE',
    });
    expect((await membershipOf(staff.id)).role).toBe('FINANCE');
    // The new role applies on the member's next request.
    expect((await sessionFor(testDb.db, staff.email)).role).toBe('FINANCE');

    const promote = await errorOf(c.admin.users.setMemberRole({ userId: staff.id, role: 'ADMIN' }));
    expect(promote.code).toBe('FORBIDDEN');
    expect(promote.message).toBe('Only an owner can make someone an admin');
    const demoteOwner = await errorOf(
      c.admin.users.setMemberRole({ userId: ownerId, role: 'VIEWER' }),
    );
    expect(demoteOwner.code).toBe('FORBIDDEN');
    expect(demoteOwner.message).toBe(
      'Only an owner can change the role of an owner (owner@souk.test)',
    );

    await owner.users.setMemberRole({ userId: staff.id, role: 'ADMIN' });
    expect((await membershipOf(staff.id)).role).toBe('ADMIN');
    const audit = await auditOf(staff.id);
    expect(audit.map((a) => [a.action, a.actorEmail, a.before, a.after])).toEqual([
      [
        'user.role_changed',
        'admin@souk.test',
        { email: staff.email, role: 'VIEWER' },
        { email: staff.email, role: 'FINANCE' },
      ],
      [
        'user.role_changed',
        'owner@souk.test',
        { email: staff.email, role: 'FINANCE' },
        { email: staff.email, role: 'ADMIN' },
      ],
    ]);
  });

  it('changes staff roles only, naming the field', async () => {
    const customer = c.sessions.customer.user.id;
    const notStaff = await errorOf(owner.users.setMemberRole({ userId: customer, role: 'VIEWER' }));
    expect(notStaff.code).toBe('CONFLICT');
    expect(notStaff.message).toBe(
      'customer@souk.test is a customer: only staff roles can be changed here',
    );
    const bad = await errorOf(
      owner.users.setMemberRole({ userId: customer, role: 'CUSTOMER' as 'VIEWER' }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(bad.cause)).toEqual({
      role: ['Choose a staff role: owner, admin, finance, dispatcher or viewer'],
    });
    expect((await membershipOf(customer)).role).toBe('CUSTOMER');
  });
});

describe('a person in two orgs', () => {
  it('disabled in one org still signs in to the other; only the disabled org session ends', async () => {
    const both = await member({ demo: 'ADMIN', acme: 'VIEWER' });
    // Sign-in lands on the most privileged membership: demo.
    const demoSession = await authenticate({
      db: testDb.db,
      email: both.email,
      password: DEMO_PASSWORD,
    });
    expect(demoSession).toMatchObject({ orgId: orgIds.demo, role: 'ADMIN' });
    const acmeSession = await testDb.ownerDb.authSession.create({
      data: {
        userId: both.id,
        activeOrgId: orgIds.acme,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });

    const result = await owner.users.setMemberDisabled({ userId: both.id, disabled: true });
    expect(result.sessionsRevoked).toBe(1);

    expect(await loadSession({ db: testDb.db, sid: demoSession!.sid })).toBeNull();
    expect(await loadSession({ db: testDb.db, sid: acmeSession.id })).toMatchObject({
      orgId: orgIds.acme,
      role: 'VIEWER',
    });
    const again = await authenticate({ db: testDb.db, email: both.email, password: DEMO_PASSWORD });
    expect(again).toMatchObject({ orgId: orgIds.acme, orgSlug: 'acme', role: 'VIEWER' });

    expect((await membershipOf(both.id, 'demo')).disabledAt).not.toBeNull();
    expect((await membershipOf(both.id, 'acme')).disabledAt).toBeNull();
    expect((await userRow(both.id)).disabledAt).toBeNull();
    const sessions = await testDb.ownerDb.authSession.findMany({
      where: { userId: both.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(sessions.map((s) => [s.activeOrgId, s.revokedAt === null])).toEqual([
      [orgIds.demo, false],
      [orgIds.acme, true],
      [orgIds.acme, true],
    ]);

    // The platform switch still ends everything.
    await testDb.ownerDb.user.update({ where: { id: both.id }, data: { disabledAt: new Date() } });
    expect(await loadSession({ db: testDb.db, sid: again!.sid })).toBeNull();
    expect(
      await authenticate({ db: testDb.db, email: both.email, password: DEMO_PASSWORD }),
    ).toBeNull();
  });
});
