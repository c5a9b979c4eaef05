// Choosing a new password through tRPC: the policy's refusals come back in words,
// next to the field, and a refused change leaves the password and sessions alone.
import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { authenticate, hashPassword, loadSession } from '@souk/auth';
import { withOrg } from '@souk/db';
import { DEMO_PASSWORD } from '@souk/db/seed';
import { testDatabaseForFile } from '@souk/db/testing';
import { fieldErrorsOf } from './errors';
import { callerAs, sessionFor } from './test/harness';

const testDb = testDatabaseForFile({ seed: true });

async function newViewer() {
  const email = `pw-${crypto.randomUUID()}@souk.test`;
  const org = await testDb.ownerDb.organization.findUniqueOrThrow({ where: { slug: 'demo' } });
  const user = await testDb.ownerDb.user.create({
    data: { email, passwordHash: await hashPassword(DEMO_PASSWORD) },
  });
  await withOrg(testDb.db, org.id, (tx) =>
    tx.membership.create({ data: { orgId: org.id, userId: user.id, role: 'VIEWER' } }),
  );
  const signedIn = await authenticate({ db: testDb.db, email, password: DEMO_PASSWORD });
  const caller = callerAs(testDb.db, {
    ...(await sessionFor(testDb.db, email)),
    sid: signedIn!.sid,
  });
  return { email, user, caller, sid: signedIn!.sid };
}

async function fieldErrorsFrom(p: Promise<unknown>) {
  const error = await p.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe('BAD_REQUEST');
  return fieldErrorsOf((error as TRPCError).cause);
}

describe('auth.changePassword policy', () => {
  it('refuses common, leaked and reused passwords next to the field; nothing changes', async () => {
    const { email, user, caller, sid } = await newViewer();
    const change = (newPassword: string) =>
      caller.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword });
    const common = ['This password is on lists of common or leaked passwords: choose another'];

    expect(await fieldErrorsFrom(change('password123'))).toEqual({ newPassword: common });
    expect(await fieldErrorsFrom(change('Password1!'))).toEqual({ newPassword: common });
    expect(await fieldErrorsFrom(change(DEMO_PASSWORD))).toEqual({
      newPassword: ['Choose a password different from your current one'],
    });
    expect(await fieldErrorsFrom(change(`${email}1`))).toEqual({
      newPassword: ['This password contains your email or name: choose another'],
    });

    const row = await testDb.ownerDb.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toBe(user.passwordHash);
    expect(row.passwordChangedAt).toBeNull();
    expect(await loadSession({ db: testDb.db, sid })).not.toBeNull();
  });

  it('accepts a strong passphrase and signs the user out', async () => {
    const { email, caller, sid } = await newViewer();
    expect(
      await caller.auth.changePassword({
        currentPassword: DEMO_PASSWORD,
        newPassword: 'plum orbit canyon velvet',
      }),
    ).toEqual({ signedOut: true });
    expect(await loadSession({ db: testDb.db, sid })).toBeNull();
    expect(await authenticate({ db: testDb.db, email, password: DEMO_PASSWORD })).toBeNull();
    expect(
      await authenticate({ db: testDb.db, email, password: 'plum orbit canyon velvet' }),
    ).not.toBeNull();
  });

  it('the seeded demo logins still sign in with the demo password', async () => {
    for (const email of ['owner@souk.test', 'admin@souk.test', 'customer@souk.test']) {
      expect(await authenticate({ db: testDb.db, email, password: DEMO_PASSWORD })).toMatchObject({
        email,
      });
    }
  });
});
