// TOTP two-step verification on a real database: enrolling with a code computed from the
// returned secret, signing in with and without it, replays, recovery codes, the per-user
// code limit, and an owner's reset for a lost device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import {
  authenticate,
  hashPassword,
  loadSession,
  resetRateLimit,
  totpCodeAt,
  verifyMfaCode,
  MFA_CODES_PER_MINUTE,
  type SessionUser,
  type SoukSession,
} from '@souk/auth';
import { withOrg, type Role } from '@souk/db';
import { DEMO_PASSWORD } from '@souk/db/seed';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { fieldErrorsOf } from './errors';
import { appRouter } from './root';
import { callerAs, seededCallers, sessionFor } from './test/harness';
import { createCallerFactory, createTRPCContext } from './trpc';

let testDb: TestDatabase;
let c: Awaited<ReturnType<typeof seededCallers>>;
let demoOrgId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  c = await seededCallers(testDb.db);
  demoOrgId = c.sessions.admin.orgId;
});
afterAll(async () => {
  await testDb?.drop();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);
/** The code an authenticator shows `steps` 30-second steps from now (±1 is accepted). */
const codeAt = (secret: string, steps = 0) => totpCodeAt(secret, nowSeconds() + steps * 30);

/** A 6-digit code that is none of the ones accepted right now. */
async function wrongCode(secret: string): Promise<string> {
  const valid = new Set(await Promise.all([-1, 0, 1, 2].map((s) => codeAt(secret, s))));
  let n = 123456;
  while (valid.has(String(n).padStart(6, '0'))) n = (n + 1) % 1_000_000;
  return String(n).padStart(6, '0');
}

async function staffMember(role: Role = 'ADMIN') {
  const email = `mfa-${crypto.randomUUID()}@souk.test`;
  const user = await testDb.ownerDb.user.create({
    data: { email, passwordHash: await hashPassword(DEMO_PASSWORD) },
  });
  await withOrg(testDb.db, demoOrgId, (tx) =>
    tx.membership.create({ data: { orgId: demoOrgId, userId: user.id, role } }),
  );
  return { email, id: user.id };
}

const signIn = (email: string, code?: string) =>
  authenticate({ db: testDb.db, email, password: DEMO_PASSWORD, code });

function asSession(u: SessionUser): SoukSession {
  return {
    user: { id: u.id, email: u.email, name: u.name },
    orgId: u.orgId,
    orgSlug: u.orgSlug,
    orgName: u.orgName,
    role: u.role,
    sid: u.sid,
    mfaVerified: u.mfaVerified,
  };
}

const callerFor = (u: SessionUser) => callerAs(testDb.db, asSession(u));
const userRow = (id: string) => testDb.ownerDb.user.findUniqueOrThrow({ where: { id } });
const sessionCount = (userId: string) => testDb.ownerDb.authSession.count({ where: { userId } });
const auditOf = (userId: string, action: string) =>
  testDb.ownerDb.auditLog.findMany({ where: { entityId: userId, action } });

async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  const error = await p.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** What sign-in throws without a good second factor. */
async function mfaRefusal(p: Promise<unknown>) {
  const error = (await p.catch((e: unknown) => e)) as {
    details?: { type?: string; reason?: string };
    message?: string;
  };
  expect(error?.details?.type).toBe('mfa_required');
  return { reason: error.details?.reason, message: error.message };
}

/** A staff member with TOTP on: the secret and the recovery codes handed out. */
async function enrolled(role: Role = 'ADMIN') {
  const member = await staffMember(role);
  const first = (await signIn(member.email))!;
  const { secret } = await callerFor(first).mfa.beginEnrollment();
  const { recoveryCodes } = await callerFor(first).mfa.confirmEnrollment({
    code: await codeAt(secret),
  });
  // Enrolling took one code attempt; tests of the limit start from a full bucket.
  await resetRateLimit('mfa', MFA_CODES_PER_MINUTE, member.id);
  return { ...member, secret, recoveryCodes, session: first };
}

describe('enrolling', () => {
  it('hands out a secret, turns TOTP on with its code, and asks for the code at sign-in', async () => {
    const member = await staffMember('OWNER');
    const current = (await signIn(member.email))!;
    const other = (await signIn(member.email))!;
    expect(current.mfaVerified).toBe(false);
    const me = callerFor(current);
    expect(await me.mfa.getStatus()).toMatchObject({
      enabled: false,
      pending: false,
      sessionVerified: false,
    });

    const { secret, otpauthUri } = await me.mfa.beginEnrollment();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Souk:/);
    expect(otpauthUri).toContain(encodeURIComponent(member.email));
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toContain('issuer=Souk');
    const pending = await userRow(member.id);
    expect(pending.totpEnabledAt).toBeNull();
    expect(pending.totpSecretSealed).toBeTruthy();
    expect(pending.totpSecretSealed).not.toContain(secret);
    expect((await me.mfa.getStatus()).pending).toBe(true);
    // Until confirmed, sign-in is unchanged.
    expect((await signIn(member.email))?.mfaVerified).toBe(false);

    const wrong = await errorOf(me.mfa.confirmEnrollment({ code: await wrongCode(secret) }));
    expect(wrong.code).toBe('BAD_REQUEST');
    expect(wrong.message).toMatch(/That code is not valid/);
    expect((await userRow(member.id)).totpEnabledAt).toBeNull();

    const { recoveryCodes, sessionsRevoked } = await me.mfa.confirmEnrollment({
      code: await codeAt(secret),
    });
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{2}$/);
    // The other two sessions were opened without the second factor.
    expect(sessionsRevoked).toBe(2);
    expect(await loadSession({ db: testDb.db, sid: other.sid })).toBeNull();
    expect(await loadSession({ db: testDb.db, sid: current.sid })).toMatchObject({
      mfaVerified: true,
    });
    expect((await userRow(member.id)).totpEnabledAt).not.toBeNull();
    const stored = await testDb.ownerDb.mfaRecoveryCode.findMany({ where: { userId: member.id } });
    expect(stored).toHaveLength(10);
    for (const row of stored) {
      expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(recoveryCodes.map((code) => code.replace(/-/g, ''))).not.toContain(row.codeHash);
    }
    expect(await auditOf(member.id, 'mfa.enrolled')).toHaveLength(1);
    const status = await me.mfa.getStatus();
    expect(status).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    expect(status.enrolledAt).toBeInstanceOf(Date);
    await expect(me.mfa.beginEnrollment()).rejects.toThrow(/already on/);

    // Sign-in: no code, a wrong code -> mfa_required and no session; the right one -> verified.
    const before = await sessionCount(member.id);
    expect(await mfaRefusal(signIn(member.email))).toMatchObject({ reason: 'missing' });
    expect(await mfaRefusal(signIn(member.email, await wrongCode(secret)))).toMatchObject({
      reason: 'invalid',
    });
    expect(await sessionCount(member.id)).toBe(before);
    // A wrong password still reads as one, code or not: nothing says MFA is on.
    expect(
      await authenticate({
        db: testDb.db,
        email: member.email,
        password: 'wrong-password!',
        code: await codeAt(secret, 1),
      }),
    ).toBeNull();

    // The enrollment code's step is used up: the next step's code signs in.
    const code = await codeAt(secret, 1);
    const verified = await signIn(member.email, code);
    expect(verified).toMatchObject({ mfaVerified: true, role: 'OWNER' });
    expect(await loadSession({ db: testDb.db, sid: verified!.sid })).toMatchObject({
      mfaVerified: true,
    });
    // The same code again, within its window, is a replay.
    expect(await mfaRefusal(signIn(member.email, code))).toMatchObject({ reason: 'invalid' });
    expect(await sessionCount(member.id)).toBe(before + 1);
  });

  it('works for an unverified admin while MFA is required and admin is read-only', async () => {
    const member = await staffMember('ADMIN');
    const session = asSession((await signIn(member.email))!);
    const gated = createCallerFactory(appRouter)(
      createTRPCContext({
        db: testDb.db,
        session,
        headers: new Headers(),
        adminSafety: { mfaRequired: true, readOnly: true },
      }),
    );
    // Staff work is refused until the session is verified...
    await expect(gated.users.listMembers()).rejects.toThrow(/Two-step verification is required/);
    // ...but setting up two-step verification is the way in.
    const { secret } = await gated.mfa.beginEnrollment();
    const { recoveryCodes } = await gated.mfa.confirmEnrollment({ code: await codeAt(secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(await loadSession({ db: testDb.db, sid: session.sid })).toMatchObject({
      mfaVerified: true,
    });
  });

  it('is for staff only', async () => {
    const error = await errorOf(c.customer.mfa.beginEnrollment());
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('Two-step verification is for staff accounts');
  });

  it('refuses an empty or oversized code in words', async () => {
    const member = await staffMember();
    const me = callerFor((await signIn(member.email))!);
    await me.mfa.beginEnrollment();
    const empty = await errorOf(me.mfa.confirmEnrollment({ code: ' ' }));
    expect(fieldErrorsOf(empty.cause)).toEqual({
      code: ['Enter the 6-digit code from your authenticator app'],
    });
    const huge = await errorOf(me.mfa.confirmEnrollment({ code: '1'.repeat(100) }));
    expect(fieldErrorsOf(huge.cause)).toEqual({ code: ['Code is at most 32 characters'] });
    expect((await userRow(member.id)).totpEnabledAt).toBeNull();
  });
});

describe('recovery codes', () => {
  it('each signs in once', async () => {
    const member = await enrolled();
    const [first, second] = member.recoveryCodes;
    // Typed in capitals with spaces for hyphens, it still counts.
    const session = await signIn(member.email, first!.toUpperCase().replace(/-/g, ' '));
    expect(session?.mfaVerified).toBe(true);
    expect(await mfaRefusal(signIn(member.email, first))).toMatchObject({ reason: 'invalid' });
    expect(await verifyMfaCode({ db: testDb.db, userId: member.id, code: second! })).toBe(true);
    expect(await verifyMfaCode({ db: testDb.db, userId: member.id, code: second! })).toBe(false);
    expect((await callerFor(session!).mfa.getStatus()).recoveryCodesLeft).toBe(8);
  });

  it('regenerating needs a TOTP code and voids the old ones', async () => {
    const member = await enrolled();
    const me = callerFor(member.session);
    const byRecovery = await errorOf(
      me.mfa.regenerateRecoveryCodes({ code: member.recoveryCodes[0]! }),
    );
    expect(byRecovery.code).toBe('BAD_REQUEST');
    const { recoveryCodes } = await me.mfa.regenerateRecoveryCodes({
      code: await codeAt(member.secret, 1),
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes).not.toContain(member.recoveryCodes[1]);
    expect(
      await verifyMfaCode({ db: testDb.db, userId: member.id, code: member.recoveryCodes[1]! }),
    ).toBe(false);
    expect(await verifyMfaCode({ db: testDb.db, userId: member.id, code: recoveryCodes[0]! })).toBe(
      true,
    );
    expect(await auditOf(member.id, 'mfa.recovery_codes_regenerated')).toHaveLength(1);
  });
});

describe('verifyMfaCode', () => {
  it('is false for a user without TOTP, whatever the code', async () => {
    const member = await staffMember();
    expect(await verifyMfaCode({ db: testDb.db, userId: member.id, code: '123456' })).toBe(false);
  });

  it('refuses the sixth code in a minute, even the right one', async () => {
    const member = await enrolled();
    const lastStep = (await userRow(member.id)).totpLastStep;
    const wrong = await wrongCode(member.secret);
    for (let i = 0; i < MFA_CODES_PER_MINUTE; i += 1) {
      expect(await verifyMfaCode({ db: testDb.db, userId: member.id, code: wrong })).toBe(false);
    }
    const right = await codeAt(member.secret, 1);
    expect(await verifyMfaCode({ db: testDb.db, userId: member.id, code: right })).toBe(false);
    const refusal = await mfaRefusal(signIn(member.email, right));
    expect(refusal.reason).toBe('rate_limited');
    expect(refusal.message).toMatch(/^Too many codes tried: try again in \d+ seconds$/);
    // Nothing was accepted meanwhile.
    expect((await userRow(member.id)).totpLastStep).toBe(lastStep);
  });
});

describe('mfa.resetMember', () => {
  it('an owner turns it off for a member: secret and codes gone, sessions ended, audited', async () => {
    const member = await enrolled();
    const owner = callerAs(testDb.db, await sessionFor(testDb.db, 'owner@souk.test'));
    const second = (await signIn(member.email, await codeAt(member.secret, 1)))!;

    const result = await owner.mfa.resetMember({ userId: member.id });
    expect(result).toEqual({ userId: member.id, sessionsRevoked: 2 });
    const row = await userRow(member.id);
    expect(row).toMatchObject({ totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null });
    expect(await testDb.ownerDb.mfaRecoveryCode.count({ where: { userId: member.id } })).toBe(0);
    expect(await loadSession({ db: testDb.db, sid: member.session.sid })).toBeNull();
    expect(await loadSession({ db: testDb.db, sid: second.sid })).toBeNull();
    const [audit] = await auditOf(member.id, 'mfa.reset');
    expect(audit).toMatchObject({ actorEmail: 'owner@souk.test', entityType: 'user' });
    expect(audit?.before).toMatchObject({ email: member.email, totpEnabled: true });
    // The password alone signs in again, unverified, ready to enroll anew.
    expect(await signIn(member.email)).toMatchObject({ mfaVerified: false });
  });

  it('is refused to an admin, for oneself, and for someone outside the org', async () => {
    const member = await enrolled();
    const byAdmin = await errorOf(c.admin.mfa.resetMember({ userId: member.id }));
    expect(byAdmin.code).toBe('FORBIDDEN');
    expect(byAdmin.message).toMatch(/needs users\.resetMfa/);

    const ownerSession = await sessionFor(testDb.db, 'owner@souk.test');
    const owner = callerAs(testDb.db, ownerSession);
    const self = await errorOf(owner.mfa.resetMember({ userId: ownerSession.user.id }));
    expect(self.code).toBe('FORBIDDEN');
    expect(self.message).toBe(
      'You cannot reset your own two-step verification: another owner can do it for you',
    );

    const acmeAdminId = c.sessions.acmeAdmin.user.id;
    await testDb.ownerDb.user.update({
      where: { id: acmeAdminId },
      data: { totpSecretSealed: 'v1.x.y.z', totpEnabledAt: new Date() },
    });
    const crossOrg = await errorOf(owner.mfa.resetMember({ userId: acmeAdminId }));
    expect(crossOrg.code).toBe('NOT_FOUND');
    expect((await userRow(acmeAdminId)).totpEnabledAt).not.toBeNull();

    expect((await userRow(member.id)).totpEnabledAt).not.toBeNull();
    expect(await auditOf(member.id, 'mfa.reset')).toEqual([]);
  });
});
