import { describe, expect, it } from 'vitest';
import { withOrg, withTenant } from '@souk/db';
import { DEMO_PASSWORD } from '@souk/db/seed';
import { testDatabaseForFile } from '@souk/db/testing';
import { changePassword, setUserDisabled } from './account';
import { hashPassword } from './password';
import { authenticate, loadSession, revokeSession } from './sessions';

const testDb = testDatabaseForFile({ seed: true });

async function newUser(role: 'ADMIN' | 'VIEWER' = 'VIEWER') {
  const db = testDb.db;
  const email = `user-${crypto.randomUUID()}@souk.test`;
  const org = await db.organization.findUniqueOrThrow({ where: { slug: 'demo' } });
  const user = await db.user.create({
    data: { email, passwordHash: await hashPassword(DEMO_PASSWORD) },
  });
  await withOrg(db, org.id, (tx) =>
    tx.membership.create({ data: { orgId: org.id, userId: user.id, role } }),
  );
  return { email, user, org };
}

describe('sessions', () => {
  it('signs in with the right password only, case-insensitively by email', async () => {
    const { email, org } = await newUser();
    expect(await authenticate({ db: testDb.db, email, password: 'wrong-password!' })).toBeNull();
    expect(
      await authenticate({ db: testDb.db, email: 'nobody@souk.test', password: DEMO_PASSWORD }),
    ).toBeNull();
    const session = await authenticate({
      db: testDb.db,
      email: email.toUpperCase(),
      password: DEMO_PASSWORD,
      ip: '10.0.0.7',
    });
    expect(session).toMatchObject({ email, orgId: org.id, orgSlug: 'demo', role: 'VIEWER' });
    const row = await testDb.db.authSession.findUniqueOrThrow({ where: { id: session!.sid } });
    expect(row).toMatchObject({ ip: '10.0.0.7', revokedAt: null });
  });

  it('ends a session at once on sign-out', async () => {
    const { email } = await newUser();
    const session = await authenticate({ db: testDb.db, email, password: DEMO_PASSWORD });
    expect(await loadSession({ db: testDb.db, sid: session!.sid })).not.toBeNull();
    await revokeSession({ db: testDb.db, sid: session!.sid });
    expect(await loadSession({ db: testDb.db, sid: session!.sid })).toBeNull();
  });

  it('a password change ends every session of that user', async () => {
    const { email, user } = await newUser();
    const a = await authenticate({ db: testDb.db, email, password: DEMO_PASSWORD });
    const b = await authenticate({ db: testDb.db, email, password: DEMO_PASSWORD });
    await expect(
      changePassword({
        db: testDb.db,
        userId: user.id,
        currentPassword: DEMO_PASSWORD,
        newPassword: 'short',
      }),
    ).rejects.toThrow('at least 10 characters');
    await changePassword({
      db: testDb.db,
      userId: user.id,
      currentPassword: DEMO_PASSWORD,
      newPassword: 'a-brand-new-password',
    });
    expect(await loadSession({ db: testDb.db, sid: a!.sid })).toBeNull();
    expect(await loadSession({ db: testDb.db, sid: b!.sid })).toBeNull();
    expect(await authenticate({ db: testDb.db, email, password: DEMO_PASSWORD })).toBeNull();
    expect(
      await authenticate({ db: testDb.db, email, password: 'a-brand-new-password' }),
    ).not.toBeNull();
  });

  it('disabling a user ends their sessions and blocks sign-in; the change is audited', async () => {
    const { email, user, org } = await newUser();
    const admin = await testDb.db.user.findUniqueOrThrow({ where: { email: 'admin@souk.test' } });
    const session = await authenticate({ db: testDb.db, email, password: DEMO_PASSWORD });
    const result = await withOrg(testDb.db, org.id, (tx) =>
      setUserDisabled({
        ctx: {
          tx,
          orgId: org.id,
          actor: { userId: admin.id, email: admin.email, role: 'ADMIN' },
          requestId: 'r-1',
        },
        userId: user.id,
        disabled: true,
      }),
    );
    expect(result.sessionsRevoked).toBe(1);
    expect(await loadSession({ db: testDb.db, sid: session!.sid })).toBeNull();
    expect(await authenticate({ db: testDb.db, email, password: DEMO_PASSWORD })).toBeNull();
    const audit = await withOrg(testDb.db, org.id, (tx) =>
      tx.auditLog.findFirst({ where: { entityId: user.id } }),
    );
    expect(audit).toMatchObject({
      action: 'user.disabled',
      actorEmail: 'admin@souk.test',
      requestId: 'r-1',
    });
  });

  it('applies a role change on the next request', async () => {
    const { email, user, org } = await newUser('VIEWER');
    const session = await authenticate({ db: testDb.db, email, password: DEMO_PASSWORD });
    await withOrg(testDb.db, org.id, (tx) =>
      tx.membership.update({
        where: { orgId_userId: { orgId: org.id, userId: user.id } },
        data: { role: 'ADMIN' },
      }),
    );
    expect((await loadSession({ db: testDb.db, sid: session!.sid }))?.role).toBe('ADMIN');
    await withOrg(testDb.db, org.id, (tx) =>
      tx.membership.deleteMany({ where: { userId: user.id } }),
    );
    expect(await loadSession({ db: testDb.db, sid: session!.sid })).toBeNull();
  });

  it('lets a user read only their own memberships without an org set', async () => {
    const { user } = await newUser();
    const own = await withTenant(testDb.db, { userId: user.id }, (tx) => tx.membership.findMany());
    expect(own).toHaveLength(1);
    expect(own[0]?.userId).toBe(user.id);
  });
});
