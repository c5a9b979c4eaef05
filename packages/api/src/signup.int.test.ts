// Storefront accounts: sign-up (spec 004 limits per client address), forgot password by
// an emailed, single-use link, and a customer's own order detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authenticate,
  loadSession,
  PASSWORD_RESET_TOPIC,
  signResetToken,
  SOCKET_IP_HEADER,
  type SoukSession,
} from '@souk/auth';
import { withOrg } from '@souk/db';
import { DEMO_PASSWORD } from '@souk/db/seed';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { createStripeGateway } from '@souk/payments';
import { startStripeSandbox, type StripeSandbox } from '@souk/stripe-sandbox';
import { apiEnv } from './env';
import { fieldErrorsOf } from './errors';
import { appRouter } from './root';
import { seededCallers, sessionFor } from './test/harness';
import { codeOf, errorOf } from './test/trpc-errors';
import { createCallerFactory, createTRPCContext } from './trpc';

const createCaller = createCallerFactory(appRouter);

let testDb: TestDatabase;
let sandbox: StripeSandbox;
let c: Awaited<ReturnType<typeof seededCallers>>;
let demoOrgId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  sandbox = await startStripeSandbox({ port: 0 });
  c = await seededCallers(testDb.db);
  demoOrgId = c.sessions.admin.orgId;
});
afterAll(async () => {
  await sandbox?.stop();
  await testDb?.drop();
});

// Every test takes its own client addresses, so the per-IP limits never leak between them.
let nextHost = 1;
const freshIp = () => `203.0.113.${nextHost++}`;

function callerFrom(ip: string, session: SoukSession | null = null) {
  const headers = new Headers({ 'x-request-id': crypto.randomUUID(), [SOCKET_IP_HEADER]: ip });
  return createCaller(createTRPCContext({ db: testDb.db, session, headers }));
}

const STRONG = 'plum orbit canyon velvet';
const newEmail = () => `signup-${crypto.randomUUID()}@example.test`;

function resetEmails(recipient: string) {
  return withOrg(testDb.ownerDb, demoOrgId, (tx) =>
    tx.outboxEvent.findMany({ where: { topic: PASSWORD_RESET_TOPIC, recipient } }),
  );
}

function tokenFrom(body: string): string {
  const link = /https?:\/\/\S+\/signin\/reset\?token=(\S+)/.exec(body);
  expect(link, body).not.toBeNull();
  return decodeURIComponent(link![1]!);
}

async function signUpCustomer(email = newEmail(), password = STRONG) {
  await callerFrom(freshIp()).auth.signUp({ email, name: 'Nora Newcomer', password });
  return email;
}

describe('auth.signUp', () => {
  it('creates the user with a CUSTOMER membership in the storefront org; they can sign in', async () => {
    const email = newEmail();
    const result = await callerFrom(freshIp()).auth.signUp({
      email: email.toUpperCase(),
      name: 'Nora Newcomer',
      password: STRONG,
    });
    expect(result.email).toBe(email);

    const user = await testDb.ownerDb.user.findUniqueOrThrow({
      where: { email },
      include: { memberships: true },
    });
    expect(user.name).toBe('Nora Newcomer');
    expect(user.memberships.map((m) => [m.orgId, m.role])).toEqual([[demoOrgId, 'CUSTOMER']]);
    const signedIn = await authenticate({ db: testDb.db, email, password: STRONG });
    expect(signedIn).toMatchObject({ email, role: 'CUSTOMER', orgId: demoOrgId });
    const audit = await withOrg(testDb.ownerDb, demoOrgId, (tx) =>
      tx.auditLog.findMany({ where: { action: 'user.signed_up', entityId: user.id } }),
    );
    expect(audit).toHaveLength(1);
  });

  it('refuses a weak password and bad fields in words beside them; nothing is created', async () => {
    const email = newEmail();
    const weak = await errorOf(
      callerFrom(freshIp()).auth.signUp({ email, name: 'Nora', password: 'password123' }),
    );
    expect(weak.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(weak.cause)).toEqual({
      password: ['This password is on lists of common or leaked passwords: choose another'],
    });
    const short = await errorOf(
      callerFrom(freshIp()).auth.signUp({ email, name: 'Nora', password: 'short' }),
    );
    expect(fieldErrorsOf(short.cause)).toEqual({
      password: ['Password must be at least 10 characters'],
    });
    const bad = await errorOf(
      callerFrom(freshIp()).auth.signUp({ email: 'not an email', name: '', password: STRONG }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(bad.cause)).toEqual({
      email: ['Enter your email address'],
      name: ['Name is required'],
    });
    expect(await testDb.ownerDb.user.count({ where: { email } })).toBe(0);
  });

  it('refuses an email already registered, beside the email field', async () => {
    const error = await errorOf(
      callerFrom(freshIp()).auth.signUp({
        email: 'customer@souk.test',
        name: 'Someone',
        password: STRONG,
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(fieldErrorsOf(error.cause)).toEqual({
      email: ['An account with this email already exists — sign in or reset your password'],
    });
    // The existing account is untouched.
    expect(
      await authenticate({ db: testDb.db, email: 'customer@souk.test', password: DEMO_PASSWORD }),
    ).not.toBeNull();
  });

  it('allows 3 sign-ups a minute from one address: the 4th is refused, another address works', async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) {
      await callerFrom(ip).auth.signUp({ email: newEmail(), name: 'Batch', password: STRONG });
    }
    const email = newEmail();
    const refused = await errorOf(
      callerFrom(ip).auth.signUp({ email, name: 'Batch', password: STRONG }),
    );
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.message).toMatch(
      /^Too many sign-ups from your network\. Try again in \d+ seconds$/,
    );
    expect(await testDb.ownerDb.user.count({ where: { email } })).toBe(0);

    await callerFrom(freshIp()).auth.signUp({ email, name: 'Batch', password: STRONG });
    expect(await testDb.ownerDb.user.count({ where: { email } })).toBe(1);
  });
});

describe('forgot password', () => {
  it('emails exactly one link for a known address and none for an unknown one; same answer', async () => {
    const email = await signUpCustomer();
    const unknown = newEmail();
    const known = await callerFrom(freshIp()).auth.requestPasswordReset({ email });
    const missing = await callerFrom(freshIp()).auth.requestPasswordReset({ email: unknown });
    expect(known).toEqual(missing);

    const emails = await resetEmails(email);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ channel: 'email', subject: 'Reset your Souk password' });
    expect(emails[0]!.body).toContain('/signin/reset?token=');
    expect(await resetEmails(unknown)).toHaveLength(0);
  });

  it('the link sets the password once, ends sessions, and is audited', async () => {
    const email = await signUpCustomer();
    const before = await authenticate({ db: testDb.db, email, password: STRONG });
    await callerFrom(freshIp()).auth.requestPasswordReset({ email });
    const token = tokenFrom((await resetEmails(email))[0]!.body);

    const newPassword = 'lantern quarry mosaic thistle';
    expect(
      await callerFrom(freshIp()).auth.resetPassword({ token, password: newPassword }),
    ).toEqual({ email });
    expect(await authenticate({ db: testDb.db, email, password: STRONG })).toBeNull();
    expect(await authenticate({ db: testDb.db, email, password: newPassword })).not.toBeNull();
    expect(await loadSession({ db: testDb.db, sid: before!.sid })).toBeNull();

    const again = await errorOf(
      callerFrom(freshIp()).auth.resetPassword({ token, password: 'another fresh passphrase 7' }),
    );
    expect(again.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(again.cause)).toEqual({
      token: ['This reset link is invalid, expired or already used: ask for a new one'],
    });
    expect(await authenticate({ db: testDb.db, email, password: newPassword })).not.toBeNull();

    const user = await testDb.ownerDb.user.findUniqueOrThrow({ where: { email } });
    const audit = await withOrg(testDb.ownerDb, demoOrgId, (tx) =>
      tx.auditLog.findMany({ where: { action: 'user.password_reset', entityId: user.id } }),
    );
    expect(audit).toHaveLength(1);
  });

  it('refuses an expired or tampered link and a weak new password; the password stays', async () => {
    const email = await signUpCustomer();
    const user = await testDb.ownerDb.user.findUniqueOrThrow({ where: { email } });
    const invalid = ['This reset link is invalid, expired or already used: ask for a new one'];
    const reset = (token: string, password = 'lantern quarry mosaic thistle') =>
      errorOf(callerFrom(freshIp()).auth.resetPassword({ token, password }));

    const expired = signResetToken({
      userId: user.id,
      passwordHash: user.passwordHash,
      expiresAt: new Date(Date.now() - 60 * 60 * 1000),
    });
    expect(fieldErrorsOf((await reset(expired)).cause)).toEqual({ token: invalid });

    const valid = signResetToken({
      userId: user.id,
      passwordHash: user.passwordHash,
      expiresAt: new Date(Date.now() + 30 * 60 * 1000),
    });
    const [id, expiry, mac] = valid.split('.') as [string, string, string];
    const longer = (parseInt(expiry, 36) + 24 * 60 * 60 * 1000).toString(36);
    for (const tampered of [`${id}.${longer}.${mac}`, `${id}.${expiry}.${mac.slice(1)}x`, 'x']) {
      expect(fieldErrorsOf((await reset(tampered)).cause)).toEqual({ token: invalid });
    }
    expect(fieldErrorsOf((await reset(valid, 'password123')).cause)).toEqual({
      password: ['This password is on lists of common or leaked passwords: choose another'],
    });
    expect(await authenticate({ db: testDb.db, email, password: STRONG })).not.toBeNull();
  });
});

describe('checkout.getMyOrder', () => {
  it("shows the customer's own order with its choices, plan and refunds; another's is not found", async () => {
    const gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
    const customer = c.sessions.customer;
    const shop = createCaller(
      createTRPCContext({
        db: testDb.db,
        session: customer,
        headers: new Headers({ 'x-api-key': apiEnv.CHECKOUT_API_KEY }),
        gateway,
      }),
    );
    const product = await c.anonymous.catalog.getProductBySlug({ slug: 'instagram-growth' });
    const audience = product.optionGroups.find((g) => g.name === 'Audience size')!;
    const handle = product.customFields.find((f) => f.label === 'Instagram handle')!;
    const plan = product.subscriptionPlans.find((p) => p.isDefault)!;
    const started = await shop.checkout.startCheckout({
      productSlug: 'instagram-growth',
      selection: {
        options: { [audience.id]: [audience.options[1]!.id] },
        addOnIds: [],
        planId: plan.id,
        customFields: { [handle.id]: '@soukshop' },
      },
    });

    // A payment and a refund against it, as the admin's refund would leave them.
    const refundedAt = new Date('2031-06-15T10:00:00.000Z');
    await withOrg(testDb.ownerDb, demoOrgId, async (tx) => {
      const payment = await tx.payment.create({
        data: {
          orgId: demoOrgId,
          invoiceId: started.invoiceId,
          processorPaymentIntentId: `pi_${crypto.randomUUID()}`,
          amountCents: started.totalCents,
          amountRefundedCents: 500,
          currency: started.currency,
          status: 'succeeded',
        },
      });
      await tx.refund.create({
        data: {
          orgId: demoOrgId,
          orderId: started.orderId,
          paymentId: payment.id,
          amountCents: 500,
          currency: started.currency,
          reason: 'Goodwill',
          status: 'succeeded',
          idempotencyKey: crypto.randomUUID(),
          createdAt: refundedAt,
        },
      });
    });

    const order = await c.customer.checkout.getMyOrder({ orderId: started.orderId });
    expect(order).toMatchObject({
      id: started.orderId,
      number: started.orderNumber,
      totals: { totalCents: started.totalCents },
      stage: 'payment',
      stageTitle: 'Payment',
    });
    expect(order.items).toHaveLength(1);
    expect(order.items[0]).toMatchObject({
      productName: product.name,
      quantity: 1,
      choices: [{ label: `Audience size: ${audience.options[1]!.label}`, amountCents: 3000 }],
      plan: { label: plan.label, billingCycle: plan.billingCycle },
    });
    expect(order.invoice).toMatchObject({ totalCents: started.totalCents });
    expect(order.payments).toMatchObject([
      { amountCents: started.totalCents, amountRefundedCents: 500 },
    ]);
    expect(order.refunds).toEqual([
      expect.objectContaining({ amountCents: 500, status: 'succeeded', createdAt: refundedAt }),
    ]);

    const someoneElse = await sessionFor(testDb.db, await signUpCustomer());
    const other = callerFrom(freshIp(), someoneElse);
    expect(await codeOf(other.checkout.getMyOrder({ orderId: started.orderId }))).toBe('NOT_FOUND');
    expect(await codeOf(c.acmeAdmin.checkout.getMyOrder({ orderId: started.orderId }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(c.anonymous.checkout.getMyOrder({ orderId: started.orderId }))).toBe(
      'UNAUTHORIZED',
    );
  });
});
