// No processor call inside an open database transaction (issue 11): the org scope's
// gateway refuses to run while one of its transactions is open, and every flow that
// talks to the processor completes against the sandbox with no transaction open at
// the moment of any processor call, whoever opened it (scope, middleware or withOrg).
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError, createOrgScope, PROCESSOR_CALL_IN_TRANSACTION, resumeToken } from '@souk/core';
import { withOrg } from '@souk/db';
import { createStripeGateway, type PaymentGateway } from '@souk/payments';
import { apiEnv } from './env';
import { callerAs, type Caller } from './test/harness';
import { sandboxStackForFile } from './test/sandbox-stack';

/** Every processor call the flows made, and the transactions open (anywhere) at that moment. */
const calls: { method: string; openTransactions: number }[] = [];

async function openTransactions(): Promise<number> {
  const rows = await testDb.ownerDb.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pg_stat_activity
    WHERE datname = current_database() AND backend_type = 'client backend'
      AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`;
  return Number(rows[0]?.n ?? 0);
}

/** The sandbox gateway, noting for each call how many transactions the database has open. */
function spying(inner: PaymentGateway): PaymentGateway {
  const spy =
    <A extends unknown[], R>(method: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      calls.push({ method, openTransactions: await openTransactions() });
      return fn(...args);
    };
  return {
    processor: inner.processor,
    isSandbox: inner.isSandbox,
    hostedPaymentUrl: (pi, url) => inner.hostedPaymentUrl(pi, url),
    createCheckoutSession: spy('createCheckoutSession', (p) => inner.createCheckoutSession(p)),
    retrieveCheckoutSession: spy('retrieveCheckoutSession', (id) =>
      inner.retrieveCheckoutSession(id),
    ),
    expireCheckoutSession: spy('expireCheckoutSession', (id) => inner.expireCheckoutSession(id)),
    refund: spy('refund', (p) => inner.refund(p)),
    createPaymentIntent: spy('createPaymentIntent', (p) => inner.createPaymentIntent(p)),
    retrievePaymentIntent: spy('retrievePaymentIntent', (id) => inner.retrievePaymentIntent(id)),
    cancelPaymentIntent: spy('cancelPaymentIntent', (id) => inner.cancelPaymentIntent(id)),
    createConnectedAccount: spy('createConnectedAccount', (p) => inner.createConnectedAccount(p)),
    retrieveConnectedAccount: spy('retrieveConnectedAccount', (id) =>
      inner.retrieveConnectedAccount(id),
    ),
    createAccountOnboardingLink: spy('createAccountOnboardingLink', (p) =>
      inner.createAccountOnboardingLink(p),
    ),
    createTransfer: spy('createTransfer', (p) => inner.createTransfer(p)),
    reverseTransfer: spy('reverseTransfer', (p) => inner.reverseTransfer(p)),
    listEvents: spy('listEvents', (p) => inner.listEvents(p)),
    listPaymentIntents: spy('listPaymentIntents', (p) => inner.listPaymentIntents(p)),
    listCharges: spy('listCharges', (p) => inner.listCharges(p)),
    listRefunds: spy('listRefunds', (p) => inner.listRefunds(p)),
    listCheckoutSessions: spy('listCheckoutSessions', (p) => inner.listCheckoutSessions(p)),
  };
}

const stack = sandboxStackForFile({
  secret: 'whsec_guard_test',
  connectSecret: 'whsec_guard_connect_test',
  logins: {
    organizer: 'customer@souk.test',
    venue: 'venue@souk.test',
    photo: 'vendor@souk.test',
    admin: 'admin@souk.test',
  },
  callerGateway: spying,
});
const { testDb, as, control } = stack;
let shop: Caller;

beforeAll(() => {
  // Webhooks wait for settle(), so no ingest transaction runs while a flow calls out.
  stack.sandbox.setDeliveryMode({ paused: true });
  shop = callerAs(testDb.db, stack.sessions.organizer, undefined, {
    apiKey: apiEnv.CHECKOUT_API_KEY,
    gateway: spying(stack.gateway),
  });
});

/** Runs one flow; returns the processor calls it made, each checked for open transactions. */
async function flow<T>(run: () => Promise<T>): Promise<{ result: T; methods: string[] }> {
  const from = calls.length;
  const result = await run();
  const made = calls.slice(from);
  expect(made.filter((c) => c.openTransactions > 0)).toEqual([]);
  return { result, methods: made.map((c) => c.method) };
}

describe('the org scope gateway', () => {
  it('refuses inside a transaction of its scope, and while one is open beside it; works outside', async () => {
    const scope = createOrgScope({ db: testDb.db, orgId: stack.orgId, gateway: stack.gateway });
    const processor = await scope.gateway();
    const inside = await scope
      .transaction(() => processor.retrieveConnectedAccount('acct_none'))
      .catch((e: unknown) => e);
    expect(inside).toBeInstanceOf(Error);
    expect((inside as Error).message).toBe(PROCESSOR_CALL_IN_TRANSACTION);

    let release = () => {};
    let started = () => {};
    const isOpen = new Promise<void>((resolve) => (started = resolve));
    const held = scope.transaction(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          started();
        }),
    );
    await isOpen;
    const beside = await processor.retrieveConnectedAccount('acct_none').catch((e: unknown) => e);
    release();
    await held;
    expect((beside as Error).message).toBe(PROCESSOR_CALL_IN_TRANSACTION);

    // A transaction of another scope (the middleware's) further up the call counts too.
    const other = createOrgScope({ db: testDb.db, orgId: stack.orgId });
    const nested = await other
      .transaction(() => processor.retrieveConnectedAccount('acct_none'))
      .catch((e: unknown) => e);
    expect((nested as Error).message).toBe(PROCESSOR_CALL_IN_TRANSACTION);

    // The flow checks below see a transaction opened with plain withOrg, too.
    const from = calls.length;
    await withOrg(testDb.db, stack.orgId, () =>
      spying(stack.gateway)
        .retrieveConnectedAccount('acct_none')
        .catch(() => undefined),
    );
    expect(calls.slice(from).map((c) => c.openTransactions)).toEqual([1]);

    // Outside: the call reaches the processor, whose refusal is a conflict in words.
    const refused = await processor.retrieveConnectedAccount('acct_none').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('CONFLICT');
    expect((refused as AppError).message).toMatch(/^The payment processor refused this: /);
  });

  it('keeps a network failure an internal error, not a refusal', async () => {
    const dead = createStripeGateway({ secretKey: 'sk_test_x', apiUrl: 'http://127.0.0.1:9' });
    const scope = createOrgScope({ db: testDb.db, orgId: stack.orgId, gateway: dead });
    const error = await (
      await scope.gateway()
    )
      .retrieveConnectedAccount('acct_none')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AppError);
  });
});

describe('every processor flow runs with no transaction open', () => {
  it('checkout: start, regenerate, resume', async () => {
    const selection = { options: {}, addOnIds: [], planId: null, customFields: {} };
    const started = await flow(() =>
      shop.checkout.startCheckout({ productSlug: 'brand-photo-session', selection }),
    );
    expect(started.methods).toEqual(['createCheckoutSession']);
    expect(started.result.isFree).toBe(false);

    const session = await withOrg(testDb.ownerDb, stack.orgId, (tx) =>
      tx.hostedCheckoutSession.findFirstOrThrow({
        where: { invoiceId: started.result.invoiceId },
      }),
    );
    const regenerated = await flow(() =>
      as.admin.checkout.regenerateSession({
        id: session.id,
        expectedUpdatedAt: session.updatedAt,
      }),
    );
    expect(regenerated.methods).toEqual(['createCheckoutSession', 'expireCheckoutSession']);

    const token = resumeToken(started.result.orderId);
    await shop.checkout.abandonCheckout({ token });
    const resumed = await flow(() => shop.checkout.resumeCheckout({ token }));
    expect(resumed.result.status).toBe('open');
  });

  it('marketplace: payout setup, pay, withdraw, admin cancel, approve and reverse a payout', async () => {
    const vendors = (await as.organizer.marketplace.public.listVendors({})).items;
    const venue = vendors.find((v) => v.displayName === 'Harbor Hall')!;
    const photo = vendors.find((v) => v.displayName === 'Lens & Light Photography')!;
    const ready = async () => {
      const booking = await as.organizer.marketplace.organizer.createBooking({
        eventDate: '2027-06-12',
        guestCount: 80,
        venueVendorId: venue.id,
        serviceVendorIds: [photo.id],
        currency: 'USD',
      });
      await as.venue.marketplace.vendor.approveBooking({
        bookingId: booking.id,
        agreedAmountCents: 150_000,
      });
      await as.photo.marketplace.vendor.approveBooking({
        bookingId: booking.id,
        agreedAmountCents: 60_000,
      });
      return booking;
    };

    const setup = await flow(() =>
      as.photo.marketplace.vendor.startPayoutSetup({
        returnUrl: 'http://localhost:3000/vendor/profile?payouts=return',
        refreshUrl: 'http://localhost:3000/vendor/profile?payouts=refresh',
      }),
    );
    expect(setup.methods).toEqual(['createConnectedAccount', 'createAccountOnboardingLink']);
    await control(`accounts/${setup.result.accountId}/onboard`);
    const refreshed = await flow(() => as.photo.marketplace.vendor.refreshPayoutStatus());
    expect(refreshed.result.payoutsEnabled).toBe(true);

    // Pay, switch deposit -> full, then withdraw: the open intent is cancelled.
    const withdrawn = await ready();
    await flow(() =>
      as.organizer.marketplace.organizer.payBooking({ bookingId: withdrawn.id, mode: 'deposit' }),
    );
    const switched = await flow(() =>
      as.organizer.marketplace.organizer.payBooking({ bookingId: withdrawn.id, mode: 'full' }),
    );
    expect(switched.methods).toEqual(['cancelPaymentIntent', 'createPaymentIntent']);
    const cancelled = await flow(() =>
      as.organizer.marketplace.organizer.cancelBooking({
        bookingId: withdrawn.id,
        reason: 'Moved',
      }),
    );
    expect(cancelled.result.status).toBe('cancelled');

    // Paid in full: a payout approved and reversed, then the booking cancelled by an admin.
    const paid = await ready();
    const pay = await flow(() =>
      as.organizer.marketplace.organizer.payBooking({ bookingId: paid.id, mode: 'full' }),
    );
    await control(`payment_intents/${pay.result.paymentIntentId}/succeed`);
    const payout = (await as.photo.marketplace.vendor.listPayouts({ status: 'locked' })).items.find(
      (p) => p.bookingId === paid.id && p.milestone === 'reservation',
    )!;
    await as.photo.marketplace.vendor.requestPayout({ id: payout.id });
    const approved = await flow(() => as.admin.marketplace.admin.sendPayout({ id: payout.id }));
    expect(approved.result.status).toBe('paid');
    // The booking payment's charge is read first: the transfer is paid from it.
    expect(approved.methods).toEqual(['retrievePaymentIntent', 'createTransfer']);
    const reversed = await flow(() =>
      as.admin.marketplace.admin.reversePayout({ id: payout.id, note: 'Guard test' }),
    );
    expect(reversed.result.status).toBe('reversed');
    const adminCancelled = await flow(() =>
      as.admin.marketplace.admin.cancelBooking({ bookingId: paid.id, reason: 'Guard test' }),
    );
    expect(adminCancelled.result.status).toBe('cancelled');
    expect(adminCancelled.result.refundedCents).toBe(210_000);
    expect(adminCancelled.methods).toEqual(['refund']);
  });
});
