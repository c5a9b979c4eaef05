// The marketplace (spec 004) through tRPC on a real database, with the real stripe
// SDK against the sandbox and its signed webhooks applied by the same ledger code
// the worker's POST /webhooks/stripe runs.
import { describe, expect, it } from 'vitest';
import { payBooking, createOrgScope } from '@souk/core';
import { createStripeClient } from '@souk/payments';
import { fieldErrorsOf } from './errors';
import { callerAs } from './test/harness';
import { sandboxStackForFile } from './test/sandbox-stack';
import { codeOf, errorOf } from './test/trpc-errors';
import { onboardNightOwlDjs } from './test/vendors';

const market = sandboxStackForFile({
  secret: 'whsec_marketplace_test',
  connectSecret: 'whsec_marketplace_connect_test',
  logins: {
    organizer: 'customer@souk.test',
    venue: 'venue@souk.test',
    photo: 'vendor@souk.test',
    applicant: 'applicant@souk.test',
    admin: 'admin@souk.test',
    finance: 'finance@souk.test',
    viewer: 'viewer@souk.test',
    acme: 'admin@acme.test',
  },
  payingLogin: 'organizer',
});
const { testDb, sessions: s, as, db, settle } = market;

async function vendorIds() {
  const vendors = (await as.anonymous.marketplace.public.listVendors({})).items;
  const venue = vendors.find((v) => v.displayName === 'Harbor Hall')!;
  const photo = vendors.find((v) => v.displayName === 'Lens & Light Photography')!;
  return { venue: venue.id, photo: photo.id };
}

async function bookVenueAndPhoto(extra: { requestedBudgetCents?: number } = {}) {
  const ids = await vendorIds();
  return as.organizer.marketplace.organizer.createBooking({
    eventDate: '2027-06-12',
    guestCount: 120,
    locationText: 'Lisbon riverside',
    venueVendorId: ids.venue,
    serviceVendorIds: [ids.photo],
    notes: 'Evening reception',
    requestedBudgetCents: extra.requestedBudgetCents ?? 200_000,
    currency: 'USD',
  });
}

/** Venue at $1,500.00 and the photographer's accepted counter at $600.00: total $2,100.00. */
async function readyBooking() {
  const booking = await bookVenueAndPhoto();
  await as.photo.marketplace.vendor.counterBooking({
    bookingId: booking.id,
    proposedAmountCents: 60_000,
  });
  const view = await as.organizer.marketplace.organizer.getBooking({ bookingId: booking.id });
  const photoRow = view.vendors.find((v) => v.vendor.displayName.startsWith('Lens'))!;
  await as.organizer.marketplace.organizer.answerCounterOffer({
    bookingId: booking.id,
    bookingVendorId: photoRow.id,
    accept: true,
  });
  await as.venue.marketplace.vendor.approveBooking({
    bookingId: booking.id,
    agreedAmountCents: 150_000,
  });
  return booking;
}

const sandboxPay = (paymentIntentId: string) =>
  market.control(`payment_intents/${paymentIntentId}/succeed`);

async function sandboxIntents(bookingId: string) {
  const res = await fetch(
    `${market.sandbox.url}/_sandbox/payment_intents?metadata[bookingId]=${bookingId}`,
    { headers: market.controlAuth() },
  );
  const body = (await res.json()) as { data: { id: string; amount: number; status: string }[] };
  return body.data;
}

const money = (bookingId: string) =>
  db(async (tx) => ({
    booking: await tx.booking.findUniqueOrThrow({ where: { id: bookingId } }),
    payments: await tx.bookingPayment.findMany({
      where: { bookingId },
      orderBy: { createdAt: 'asc' },
    }),
    ledger: await tx.ledgerEntry.findMany({ where: { bookingId } }),
    allocations: await tx.payoutAllocation.findMany({
      where: { bookingId },
      include: { vendor: { select: { displayName: true } } },
      orderBy: [{ grossCents: 'desc' }],
    }),
    payouts: await tx.payout.findMany({
      where: { bookingId },
      include: { vendor: { select: { displayName: true } } },
      orderBy: [{ createdAt: 'asc' }, { amountCents: 'desc' }],
    }),
  }));

describe('vendor onboarding and review', () => {
  it('a customer applies, is sent back with a note, resubmits and is approved into the directory', async () => {
    const before = (await as.anonymous.marketplace.public.listVendors({})).items;
    expect(before.map((v) => v.displayName)).not.toContain('Night Owl DJs');

    const bad = await errorOf(
      as.applicant.marketplace.vendor.onboardVendor({ type: 'service_provider', displayName: 'N' }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toMatch(/Display name needs at least 2 characters/);

    const { profile: applied, session: vendorSession } = await onboardNightOwlDjs(
      testDb.db,
      as.applicant,
      { description: 'DJ and sound for 50-300 guests' },
    );
    const dj = callerAs(testDb.db, vendorSession, undefined, { gateway: market.gateway });

    expect(
      await codeOf(
        as.viewer.marketplace.admin.reviewVendor({ id: applied.id, decision: 'approve' }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        as.finance.marketplace.admin.reviewVendor({ id: applied.id, decision: 'approve' }),
      ),
    ).toBe('FORBIDDEN');
    const sentBack = await as.admin.marketplace.admin.reviewVendor({
      id: applied.id,
      decision: 'needs_changes',
      note: 'Add your equipment list',
    });
    expect(sentBack.status).toBe('needs_changes');
    expect(
      (await as.anonymous.marketplace.public.listVendors({})).items.map((v) => v.displayName),
    ).not.toContain('Night Owl DJs');

    const resubmitted = await dj.marketplace.vendor.onboardVendor({
      type: 'service_provider',
      displayName: 'Night Owl DJs',
      description: 'DJ and sound for 50-300 guests. Equipment: 2x QSC K12, Pioneer XDJ',
    });
    expect(resubmitted.status).toBe('pending');
    const approved = await as.admin.marketplace.admin.reviewVendor({
      id: applied.id,
      decision: 'approve',
    });
    expect(approved.status).toBe('approved');

    const directory = (
      await as.anonymous.marketplace.public.listVendors({ type: 'service_provider' })
    ).items;
    const listed = directory.find((v) => v.displayName === 'Night Owl DJs')!;
    expect(listed).toBeTruthy();
    expect(JSON.stringify(directory)).not.toContain('@souk.test');

    const audit = await db((tx) =>
      tx.auditLog.findMany({ where: { entityId: applied.id }, orderBy: { createdAt: 'asc' } }),
    );
    expect(audit.map((a) => a.action)).toEqual([
      'vendor.onboarded',
      'vendor.changes_requested',
      'vendor.resubmitted',
      'vendor.approved',
    ]);
    expect((audit[3]!.before as { status: string }).status).toBe('pending');
    expect((audit[3]!.after as { status: string }).status).toBe('approved');
    const emails = await db((tx) =>
      tx.outboxEvent.findMany({
        where: { recipient: 'applicant@souk.test', topic: 'vendor.reviewed' },
      }),
    );
    expect(emails.map((e) => e.subject).sort()).toEqual([
      'Night Owl DJs is approved on Souk',
      'Night Owl DJs: changes needed',
    ]);
  });
});

describe('templates and subscriptions', () => {
  it('lists templates publicly; details need a trial or an active subscription', async () => {
    const templates = await as.anonymous.marketplace.public.listTemplates({});
    expect(templates.map((t) => t.name)).toContain('Wedding reception');
    expect(JSON.stringify(templates)).not.toContain('Timeline');
    const wedding = templates.find((t) => t.name === 'Wedding reception')!;

    const refused = await errorOf(
      as.organizer.marketplace.organizer.getTemplate({ id: wedding.id }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/trial or active subscription/);

    const trial = await as.organizer.marketplace.organizer.startSubscription();
    expect(trial.status).toBe('trial');
    expect(trial.hasAccess).toBe(true);
    expect(
      (await as.organizer.marketplace.organizer.getTemplate({ id: wedding.id })).details,
    ).toMatch(/Timeline/);

    const cancelled = await as.organizer.marketplace.organizer.cancelSubscription();
    expect(cancelled.hasAccess).toBe(false);
    expect(await codeOf(as.organizer.marketplace.organizer.getTemplate({ id: wedding.id }))).toBe(
      'FORBIDDEN',
    );

    await as.admin.marketplace.admin.setSubscription({
      userId: s.organizer.user.id,
      status: 'active',
    });
    expect((await as.organizer.marketplace.organizer.getTemplate({ id: wedding.id })).name).toBe(
      'Wedding reception',
    );
  });

  it('admin creates, updates and deletes templates; others cannot', async () => {
    expect(await codeOf(as.organizer.marketplace.admin.createTemplate({ name: 'Nope' }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(as.viewer.marketplace.admin.createTemplate({ name: 'Nope' }))).toBe(
      'FORBIDDEN',
    );
    const created = await as.admin.marketplace.admin.createTemplate({
      name: 'Birthday party',
      summary: 'A party for 30',
      details: 'Cake at 20:00',
      suggestedGuests: 30,
    });
    const bogusMedia = await errorOf(
      as.admin.marketplace.admin.updateTemplate({
        id: created.id,
        mediaUploadIds: [crypto.randomUUID()],
      }),
    );
    expect(fieldErrorsOf(bogusMedia.cause)).toEqual({
      mediaUploadIds: ['Attach only template media that finished uploading'],
    });
    const updated = await as.admin.marketplace.admin.updateTemplate({
      id: created.id,
      summary: 'A party for 40',
    });
    expect(updated.summary).toBe('A party for 40');
    await as.admin.marketplace.admin.deleteTemplate({ id: created.id });
    expect(
      (await as.anonymous.marketplace.public.listTemplates({})).map((t) => t.name),
    ).not.toContain('Birthday party');
    const actions = await db((tx) =>
      tx.auditLog.findMany({ where: { entityId: created.id }, orderBy: { createdAt: 'asc' } }),
    );
    expect(actions.map((a) => a.action)).toEqual([
      'template.created',
      'template.updated',
      'template.deleted',
    ]);
  });
});

describe('booking requests and vendor answers', () => {
  it('validates the request naming the field and writes nothing', async () => {
    const ids = await vendorIds();
    const count = () => db((tx) => tx.booking.count());
    const before = await count();
    const serviceAsVenue = await errorOf(
      as.organizer.marketplace.organizer.createBooking({
        venueVendorId: ids.photo,
        currency: 'USD',
      }),
    );
    expect(fieldErrorsOf(serviceAsVenue.cause)).toEqual({
      venueVendorId: ['Choose an approved venue from the directory'],
    });
    const negative = await errorOf(
      as.organizer.marketplace.organizer.createBooking({
        venueVendorId: ids.venue,
        requestedBudgetCents: -5,
        currency: 'USD',
      }),
    );
    expect(negative.code).toBe('BAD_REQUEST');
    expect(negative.message).toMatch(/Budget cannot be negative/);
    expect(await count()).toBe(before);
  });

  it('creates pending answers for every vendor and emails them', async () => {
    const booking = await bookVenueAndPhoto();
    expect(booking.status).toBe('awaiting_vendor_approval');
    const view = await as.organizer.marketplace.organizer.getBooking({ bookingId: booking.id });
    expect(view.vendors.map((v) => [v.vendor.displayName, v.role, v.status])).toEqual([
      ['Harbor Hall', 'venue', 'pending'],
      ['Lens & Light Photography', 'service', 'pending'],
    ]);
    const emails = await db((tx) =>
      tx.outboxEvent.findMany({
        where: { dedupeKey: { startsWith: `booking:${booking.id}:request` } },
      }),
    );
    expect(emails.map((e) => e.recipient).sort()).toEqual(['vendor@souk.test', 'venue@souk.test']);
    const inbox = await as.photo.marketplace.vendor.listInbox({ status: 'pending' });
    expect(inbox.items.some((r) => r.booking.id === booking.id)).toBe(true);
  });

  it('counter accepted + venue approval => ready for payment with the agreed total', async () => {
    const booking = await readyBooking();
    const view = await as.organizer.marketplace.organizer.getBooking({ bookingId: booking.id });
    expect(view.status).toBe('ready_for_payment');
    expect(view.amounts).toMatchObject({
      totalCents: 210_000,
      depositCents: 63_000,
      balanceDueCents: 210_000,
    });
    expect(view.vendors.map((v) => [v.status, v.agreedAmountCents])).toEqual([
      ['approved', 150_000],
      ['approved', 60_000],
    ]);
    // Answers are closed once the booking moved on.
    expect(
      await codeOf(as.photo.marketplace.vendor.declineBooking({ bookingId: booking.id })),
    ).toBe('CONFLICT');
  });

  it('declining a counter drops that vendor; the booking waits on the venue, then is ready without them', async () => {
    const booking = await bookVenueAndPhoto();
    await as.photo.marketplace.vendor.counterBooking({
      bookingId: booking.id,
      proposedAmountCents: 90_000,
      note: 'Two photographers',
    });
    const row = (
      await as.organizer.marketplace.organizer.getBooking({ bookingId: booking.id })
    ).vendors.find((v) => v.role === 'service')!;
    expect(row.status).toBe('countered');
    expect(row.vendorNote).toBe('Two photographers');
    const after = await as.organizer.marketplace.organizer.answerCounterOffer({
      bookingId: booking.id,
      bookingVendorId: row.id,
      accept: false,
    });
    expect(after.status).toBe('awaiting_vendor_approval');
    expect(after.vendors.find((v) => v.id === row.id)!.status).toBe('declined');
    // Approved without a price: not ready (payment needs every included vendor priced).
    await as.venue.marketplace.vendor.approveBooking({ bookingId: booking.id });
    expect(
      (await as.organizer.marketplace.organizer.getBooking({ bookingId: booking.id })).status,
    ).toBe('awaiting_vendor_approval');
    expect(
      await codeOf(
        as.organizer.marketplace.organizer.payBooking({ bookingId: booking.id, mode: 'full' }),
      ),
    ).toBe('CONFLICT');
    // The venue completes its approval with a price: ready, without the declined photographer.
    await as.venue.marketplace.vendor.approveBooking({
      bookingId: booking.id,
      agreedAmountCents: 99_000,
    });
    const ready = await as.organizer.marketplace.organizer.getBooking({ bookingId: booking.id });
    expect(ready.status).toBe('ready_for_payment');
    expect(ready.amounts.totalCents).toBe(99_000);
    expect(
      await codeOf(
        as.venue.marketplace.vendor.approveBooking({ bookingId: booking.id, agreedAmountCents: 1 }),
      ),
    ).toBe('CONFLICT');
  });

  it('two concurrent approvals by the same vendor: one wins, the other is told', async () => {
    const booking = await bookVenueAndPhoto();
    await as.photo.marketplace.vendor.approveBooking({
      bookingId: booking.id,
      agreedAmountCents: 50_000,
    });
    const results = await Promise.all([
      codeOf(
        as.venue.marketplace.vendor.approveBooking({
          bookingId: booking.id,
          agreedAmountCents: 100_000,
        }),
      ),
      codeOf(
        as.venue.marketplace.vendor.approveBooking({
          bookingId: booking.id,
          agreedAmountCents: 120_000,
        }),
      ),
    ]);
    expect(results.sort()).toEqual(['CONFLICT', 'OK']);
    const { booking: row } = await money(booking.id);
    expect(row.status).toBe('ready_for_payment');
    expect([150_000, 170_000]).toContain(row.totalCents);
  });
});

describe('role checks on every marketplace procedure family', () => {
  it('vendor A cannot see or answer vendor B’s booking; organizers and staff stay in their lanes', async () => {
    const ids = await vendorIds();
    const venueOnly = await as.organizer.marketplace.organizer.createBooking({
      venueVendorId: ids.venue,
      currency: 'USD',
    });
    // The photographer is not on this booking: it does not exist for them.
    expect(await codeOf(as.photo.marketplace.vendor.getBooking({ bookingId: venueOnly.id }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await codeOf(
        as.photo.marketplace.vendor.approveBooking({
          bookingId: venueOnly.id,
          agreedAmountCents: 1,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        as.photo.marketplace.vendor.counterBooking({
          bookingId: venueOnly.id,
          proposedAmountCents: 1,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(as.photo.marketplace.vendor.declineBooking({ bookingId: venueOnly.id })),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        as.photo.marketplace.openDispute({ bookingId: venueOnly.id, reason: 'Not mine at all' }),
      ),
    ).toBe('NOT_FOUND');
    // Organizer-only and vendor-only procedures.
    expect(
      await codeOf(as.organizer.marketplace.vendor.approveBooking({ bookingId: venueOnly.id })),
    ).toBe('FORBIDDEN');
    // A vendor may organize events too, but someone else's booking reads as missing.
    expect(
      await codeOf(
        as.venue.marketplace.organizer.payBooking({ bookingId: venueOnly.id, mode: 'full' }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        as.admin.marketplace.organizer.createBooking({ venueVendorId: ids.venue, currency: 'USD' }),
      ),
    ).toBe('FORBIDDEN');
    expect(await codeOf(as.anonymous.marketplace.organizer.listBookings({}))).toBe('UNAUTHORIZED');
    // Staff consoles.
    const someId = { id: crypto.randomUUID() };
    for (const caller of [as.organizer, as.venue]) {
      expect(await codeOf(caller.marketplace.admin.listBookings({}))).toBe('FORBIDDEN');
      expect(await codeOf(caller.marketplace.admin.sendPayout(someId))).toBe('FORBIDDEN');
      expect(await codeOf(caller.marketplace.admin.holdPayout({ ...someId, note: 'x' }))).toBe(
        'FORBIDDEN',
      );
      expect(await codeOf(caller.marketplace.admin.reversePayout({ ...someId, note: 'x' }))).toBe(
        'FORBIDDEN',
      );
      expect(
        await codeOf(
          caller.marketplace.admin.resolveDispute({
            ...someId,
            status: 'resolved_released',
            note: 'x',
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(await codeOf(caller.marketplace.admin.listModerationReports({}))).toBe('FORBIDDEN');
    }
    expect(await codeOf(as.viewer.marketplace.admin.listBookings({}))).toBe('OK');
    expect(
      await codeOf(
        as.viewer.marketplace.admin.cancelBooking({ bookingId: venueOnly.id, reason: 'x' }),
      ),
    ).toBe('FORBIDDEN');
    expect(await codeOf(as.viewer.marketplace.admin.sendPayout(someId))).toBe('FORBIDDEN');
    expect(await codeOf(as.finance.marketplace.admin.sendPayout(someId))).toBe('NOT_FOUND');
    expect(
      await codeOf(as.finance.marketplace.admin.forceCompleteBooking({ bookingId: venueOnly.id })),
    ).toBe('FORBIDDEN');
    // Another tenant's admin sees nothing of it.
    expect(await codeOf(as.acme.marketplace.admin.getBooking({ bookingId: venueOnly.id }))).toBe(
      'NOT_FOUND',
    );
    expect((await as.acme.marketplace.admin.listBookings({})).total).toBe(0);
  });
});

describe('paying, allocating and paying out', () => {
  it('50 concurrent pay requests for one booking create exactly one PaymentIntent', async () => {
    const booking = await readyBooking();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        payBooking({
          scope: createOrgScope({
            db: testDb.db,
            orgId: market.orgId,
            actor: {
              userId: s.organizer.user.id,
              email: s.organizer.user.email,
              role: 'CUSTOMER',
            },
            gateway: market.gateway,
          }),
          input: { bookingId: booking.id, mode: 'deposit' },
        }),
      ),
    );
    expect(new Set(results.map((r) => r.paymentIntentId)).size).toBe(1);
    expect(results.filter((r) => !r.reused)).toHaveLength(1);
    expect(results[0]!.amountCents).toBe(63_000);
    expect(await sandboxIntents(booking.id)).toHaveLength(1);
    expect((await money(booking.id)).payments).toHaveLength(1);
  });

  it('limits pay attempts to 5 per minute per user, through the API', async () => {
    const booking = await readyBooking();
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(
        await codeOf(
          as.organizer.marketplace.organizer.payBooking({ bookingId: booking.id, mode: 'full' }),
        ),
      );
    }
    expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'TOO_MANY_REQUESTS']);
    expect(await sandboxIntents(booking.id)).toHaveLength(1);
  });

  it('real Stripe (no hosted page): payBooking answers the intent’s client secret for the card form, the same on a second click', async () => {
    // The real-Stripe gateway: the same SDK calls, but no sandbox page to send anyone to.
    const organizer = callerAs(testDb.db, s.organizer, undefined, {
      gateway: { ...market.gateway, hostedPaymentUrl: () => null },
    });
    const booking = await readyBooking();
    const input = {
      bookingId: booking.id,
      mode: 'deposit' as const,
      returnUrl: `http://localhost:3000/bookings/${booking.id}`,
    };
    const first = await organizer.marketplace.organizer.payBooking(input);
    expect(first).toMatchObject({
      payUrl: null,
      amountCents: 63_000,
      currency: 'USD',
      kind: 'deposit',
      reused: false,
    });
    const atProcessor = await createStripeClient({
      secretKey: market.sandbox.apiKey,
      apiUrl: market.sandbox.url,
    }).paymentIntents.retrieve(first.paymentIntentId);
    expect(first.clientSecret).toMatch(/^pi_\w+_secret_\w+$/);
    expect(first.clientSecret).toBe(atProcessor.client_secret);
    expect(atProcessor.amount).toBe(63_000);

    const second = await organizer.marketplace.organizer.payBooking(input);
    expect(second).toMatchObject({
      payUrl: null,
      paymentIntentId: first.paymentIntentId,
      clientSecret: first.clientSecret,
      reused: true,
    });
    expect(await sandboxIntents(booking.id)).toHaveLength(1);

    // What confirmPayment leads to: the webhook settles it, as after the hosted page.
    await sandboxPay(first.paymentIntentId);
    const m = await money(booking.id);
    expect(m.booking.status).toBe('paid');
    expect(m.payments.map((p) => [p.processorPaymentIntentId, p.status])).toEqual([
      [first.paymentIntentId, 'succeeded'],
    ]);
  });

  it('deposit -> paid with held funds, 10% commission and locked 50/50 payouts; duplicates change nothing', async () => {
    const booking = await readyBooking();
    expect(
      await codeOf(
        as.organizer.marketplace.organizer.payBooking({ bookingId: booking.id, mode: 'balance' }),
      ),
    ).toBe('BAD_REQUEST');
    const pay = await as.organizer.marketplace.organizer.payBooking({
      bookingId: booking.id,
      mode: 'deposit',
      returnUrl: 'http://localhost:3000/bookings/x',
    });
    expect(pay.payUrl).toContain('/pay/payment_intents/');
    market.sandbox.setDeliveryMode({ duplicate: 2 });
    try {
      await sandboxPay(pay.paymentIntentId);
    } finally {
      market.sandbox.setDeliveryMode({ duplicate: 0 });
    }
    const m = await money(booking.id);
    expect(m.booking.status).toBe('paid');
    expect(m.booking.amountPaidCents).toBe(63_000);
    expect(m.payments.map((p) => [p.kind, p.status, p.amountCents])).toEqual([
      ['deposit', 'succeeded', 63_000],
    ]);
    expect(m.ledger.map((l) => [l.type, l.amountCents])).toEqual([['held_funds', 63_000]]);
    // 63,000 split 150:60 -> 45,000 / 18,000; 10% commission; net halves.
    expect(
      m.allocations.map((a) => [a.vendor.displayName, a.grossCents, a.commissionCents, a.netCents]),
    ).toEqual([
      ['Harbor Hall', 45_000, 4_500, 40_500],
      ['Lens & Light Photography', 18_000, 1_800, 16_200],
    ]);
    expect(
      m.payouts.map((p) => [p.vendor.displayName, p.milestone, p.amountCents, p.status]).sort(),
    ).toEqual(
      [
        ['Harbor Hall', 'completion', 20_250, 'locked'],
        ['Harbor Hall', 'reservation', 20_250, 'locked'],
        ['Lens & Light Photography', 'completion', 8_100, 'locked'],
        ['Lens & Light Photography', 'reservation', 8_100, 'locked'],
      ].sort(),
    );
    const events = await db((tx) =>
      tx.processorEvent.findMany({ where: { bookingId: booking.id } }),
    );
    expect(
      events.some((e) => e.type === 'payment_intent.succeeded' && e.status === 'processed'),
    ).toBe(true);
    expect(
      market.sandbox.deliveries().filter((d) => d.type === 'payment_intent.succeeded').length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('the full journey: reservation payout via transfer, balance, completion, dispute hold and release', async () => {
    const booking = await readyBooking();
    const deposit = await as.organizer.marketplace.organizer.payBooking({
      bookingId: booking.id,
      mode: 'deposit',
    });
    await sandboxPay(deposit.paymentIntentId);

    // Photographer asks for the reservation payout: not before payout setup.
    const mine = await as.photo.marketplace.vendor.listPayouts({});
    const reservation = mine.items.find(
      (p) => p.bookingId === booking.id && p.milestone === 'reservation',
    )!;
    const notReady = await errorOf(
      as.photo.marketplace.vendor.requestPayout({ id: reservation.id }),
    );
    expect(notReady.message).toMatch(/Finish payout setup/);
    expect(await codeOf(as.venue.marketplace.vendor.requestPayout({ id: reservation.id }))).toBe(
      'NOT_FOUND',
    );

    const setup = await as.photo.marketplace.vendor.startPayoutSetup({
      returnUrl: 'http://localhost:3000/vendor/profile?payouts=return',
      refreshUrl: 'http://localhost:3000/vendor/profile?payouts=refresh',
    });
    expect(setup.url).toContain('/connect/onboarding/');
    // account.updated reaches the ledger and the vendor row
    await market.control(`accounts/${setup.accountId}/onboard`);
    const photoVendor = await db((tx) =>
      tx.vendor.findFirstOrThrow({ where: { connectedAccountId: setup.accountId } }),
    );
    expect(photoVendor.payoutsEnabled).toBe(true);
    expect((await as.photo.marketplace.vendor.refreshPayoutStatus()).payoutsEnabled).toBe(true);
    expect(await codeOf(as.photo.marketplace.vendor.requestPayout({ id: reservation.id }))).toBe(
      'OK',
    );

    // Two finance clicks at once: one transfer.
    const approvals = await Promise.all([
      codeOf(as.finance.marketplace.admin.sendPayout({ id: reservation.id })),
      codeOf(as.admin.marketplace.admin.sendPayout({ id: reservation.id })),
    ]);
    expect(approvals.sort()).toEqual(['CONFLICT', 'OK']);
    const paidOut = (await money(booking.id)).payouts.find((p) => p.id === reservation.id)!;
    expect(paidOut.status).toBe('paid');
    const transfer = market.sandbox.store.transfers.get(paidOut.transferId!)!;
    expect(transfer.amount).toBe(8_100);
    expect(transfer.destination).toBe(setup.accountId);
    // Paid from the deposit's own charge, so it works while card funds are still pending.
    const depositCharge = market.sandbox.store.paymentIntents.get(deposit.paymentIntentId);
    expect(depositCharge?.latest_charge).toMatch(/^ch_/);
    expect(transfer.source_transaction).toBe(depositCharge?.latest_charge);
    expect(
      [...market.sandbox.store.transfers.values()].filter(
        (t) => t.metadata?.payoutId === reservation.id,
      ),
    ).toHaveLength(1);

    // Balance, delivered in reverse order with the charge event first.
    const balance = await as.organizer.marketplace.organizer.payBooking({
      bookingId: booking.id,
      mode: 'balance',
    });
    expect(balance.amountCents).toBe(147_000);
    market.sandbox.setDeliveryMode({ reorder: true });
    try {
      await fetch(
        `${market.sandbox.url}/_sandbox/payment_intents/${balance.paymentIntentId}/succeed`,
        { method: 'POST', headers: market.controlAuth() },
      );
      await settle();
    } finally {
      market.sandbox.setDeliveryMode({ reorder: false });
      await settle();
    }
    let m = await money(booking.id);
    expect(m.booking.amountPaidCents).toBe(210_000);
    expect(m.ledger.map((l) => l.amountCents).sort()).toEqual([147_000, 63_000].sort());
    expect(m.allocations.reduce((sum, a) => sum + a.grossCents, 0)).toBe(210_000);
    expect(m.allocations.reduce((sum, a) => sum + a.commissionCents, 0)).toBe(21_000);

    // Completion releases every completion payout (from the event day on: it took place).
    await db((tx) =>
      tx.booking.update({
        where: { id: booking.id },
        data: { eventDate: new Date(Date.now() - 2 * 86_400_000) },
      }),
    );
    const completed = await as.organizer.marketplace.organizer.completeBooking({
      bookingId: booking.id,
    });
    expect(completed.status).toBe('completed');
    expect(completed.releasedPayouts).toBe(4);
    m = await money(booking.id);
    expect(
      m.payouts.filter((p) => p.milestone === 'completion').every((p) => p.status === 'eligible'),
    ).toBe(true);

    // A dispute holds every eligible payout until resolved.
    const dispute = await as.venue.marketplace.openDispute({
      bookingId: booking.id,
      reason: 'Organizer damaged the terrace',
    });
    expect(dispute.openedAs).toBe('vendor');
    expect(dispute.heldPayouts).toBe(4);
    const held = (await money(booking.id)).payouts.find(
      (p) => p.milestone === 'completion' && p.vendor.displayName.startsWith('Lens'),
    )!;
    expect(held.status).toBe('held');
    expect(await codeOf(as.admin.marketplace.admin.sendPayout({ id: held.id }))).toBe('CONFLICT');
    const listed = await as.admin.marketplace.admin.listDisputes({
      status: 'open',
      bookingId: booking.id,
    });
    expect(listed.items[0]!.heldPayouts).toBe(4);
    const resolved = await as.admin.marketplace.admin.resolveDispute({
      id: dispute.id,
      status: 'resolved_released',
      note: 'Deposit covers the damage; release',
    });
    expect(resolved.payoutsAffected).toBe(4);
    m = await money(booking.id);
    expect(m.payouts.filter((p) => p.status === 'eligible')).toHaveLength(4);
    expect(await codeOf(as.admin.marketplace.admin.sendPayout({ id: held.id }))).toBe('OK');
    const audit = await db((tx) =>
      tx.auditLog.findFirstOrThrow({ where: { entityId: dispute.id } }),
    );
    expect((audit.before as { status: string }).status).toBe('open');
    expect((audit.after as { status: string }).status).toBe('resolved_released');
  });

  it('a transfer the processor refuses is explained to the admin and leaves the payout eligible', async () => {
    const booking = await readyBooking();
    const pay = await as.organizer.marketplace.organizer.payBooking({
      bookingId: booking.id,
      mode: 'full',
    });
    await sandboxPay(pay.paymentIntentId);
    const venuePayout = (
      await as.venue.marketplace.vendor.listPayouts({ status: 'locked' })
    ).items.find((p) => p.bookingId === booking.id && p.milestone === 'reservation')!;
    // An account the processor no longer knows (e.g. removed on its side).
    await db((tx) =>
      tx.vendor.update({
        where: { id: venuePayout.vendorId },
        data: { connectedAccountId: 'acct_gone', payoutsEnabled: true },
      }),
    );
    try {
      await as.venue.marketplace.vendor.requestPayout({ id: venuePayout.id });
      const refused = await errorOf(
        as.finance.marketplace.admin.sendPayout({ id: venuePayout.id }),
      );
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toMatch(/^The payment processor refused this: /);
      const after = (await money(booking.id)).payouts.find((p) => p.id === venuePayout.id)!;
      expect(after.status).toBe('eligible');
      expect(after.transferId).toBeNull();
    } finally {
      await db((tx) =>
        tx.vendor.update({
          where: { id: venuePayout.vendorId },
          data: { connectedAccountId: null, payoutsEnabled: false },
        }),
      );
    }
  });

  it('a late payment_failed never regresses a succeeded payment', async () => {
    const booking = await readyBooking();
    const pay = await as.organizer.marketplace.organizer.payBooking({
      bookingId: booking.id,
      mode: 'full',
    });
    await sandboxPay(pay.paymentIntentId);
    const pi = market.sandbox.store.paymentIntents.get(pay.paymentIntentId)!;
    market.sandbox.emit('payment_intent.payment_failed', {
      ...pi,
      status: 'requires_payment_method',
      last_payment_error: { message: 'late' },
    });
    market.sandbox.emit('payment_intent.canceled', { ...pi, status: 'canceled' });
    await settle();
    const m = await money(booking.id);
    expect(m.payments.map((p) => p.status)).toEqual(['succeeded']);
    expect(m.booking.status).toBe('paid');
    expect(m.payouts).toHaveLength(4);
  });

  it('the organizer withdraws an unpaid booking; the open payment page is closed at the processor', async () => {
    const booking = await readyBooking();
    const pay = await as.organizer.marketplace.organizer.payBooking({
      bookingId: booking.id,
      mode: 'deposit',
    });
    const withdrawn = await as.organizer.marketplace.organizer.cancelBooking({
      bookingId: booking.id,
      reason: 'Date moved',
    });
    expect(withdrawn.status).toBe('cancelled');
    expect(market.sandbox.store.paymentIntents.get(pay.paymentIntentId)!.status).toBe('canceled');
    expect((await money(booking.id)).payments.map((p) => p.status)).toEqual(['canceled']);
    expect(
      await codeOf(
        as.organizer.marketplace.organizer.payBooking({ bookingId: booking.id, mode: 'deposit' }),
      ),
    ).toBe('CONFLICT');
  });

  it('a declined card leaves the booking payable; a new attempt opens a new intent', async () => {
    const booking = await readyBooking();
    const first = await as.organizer.marketplace.organizer.payBooking({
      bookingId: booking.id,
      mode: 'full',
    });
    await market.control(`payment_intents/${first.paymentIntentId}/fail`);
    let m = await money(booking.id);
    expect(m.payments.map((p) => [p.status, p.failureMessage])).toEqual([
      ['failed', 'Your card was declined.'],
    ]);
    expect(m.booking.status).toBe('ready_for_payment');
    const second = await as.organizer.marketplace.organizer.payBooking({
      bookingId: booking.id,
      mode: 'full',
    });
    expect(second.paymentIntentId).not.toBe(first.paymentIntentId);
    await sandboxPay(second.paymentIntentId);
    m = await money(booking.id);
    expect(m.booking.status).toBe('paid');
  });

  it('admin cancel refunds through the processor and voids unpaid payouts, audited', async () => {
    const booking = await readyBooking();
    const pay = await as.organizer.marketplace.organizer.payBooking({
      bookingId: booking.id,
      mode: 'full',
    });
    await sandboxPay(pay.paymentIntentId);
    const result = await as.admin.marketplace.admin.cancelBooking({
      bookingId: booking.id,
      reason: 'Venue flooded',
    });
    expect(result.status).toBe('cancelled');
    expect(result.refundedCents).toBe(210_000);
    expect(result.voidedPayouts).toBe(4);
    await settle(); // charge.refunded comes back through the ledger, idempotently
    const m = await money(booking.id);
    expect(m.booking.amountRefundedCents).toBe(210_000);
    expect(m.payments[0]!.amountRefundedCents).toBe(210_000);
    expect(m.payouts.every((p) => p.status === 'voided')).toBe(true);
    expect(m.ledger.map((l) => [l.type, l.amountCents]).sort()).toEqual([
      ['held_funds', 210_000],
      ['refund', 210_000],
    ]);
    const refunds = [...market.sandbox.store.refunds.values()].filter(
      (r) => r.payment_intent === pay.paymentIntentId,
    );
    expect(refunds.map((r) => r.amount)).toEqual([210_000]);
    const audit = await db((tx) =>
      tx.auditLog.findFirstOrThrow({
        where: { entityId: booking.id, action: 'booking.cancelled' },
      }),
    );
    expect((audit.before as { status: string }).status).toBe('paid');
    expect((audit.after as { status: string }).status).toBe('cancelled');
    expect(
      await codeOf(
        as.admin.marketplace.admin.cancelBooking({ bookingId: booking.id, reason: 'again' }),
      ),
    ).toBe('CONFLICT');
  });
});

describe('trust', () => {
  it('stores moderation reports with emails and phone numbers redacted', async () => {
    const booking = await bookVenueAndPhoto();
    await as.photo.marketplace.reportContent({
      kind: 'booking_note',
      bookingId: booking.id,
      text: 'Organizer asked me to email jane.doe@example.com or call +1 (415) 555-0199 to pay cash',
    });
    const stored = await db((tx) =>
      tx.moderationEvent.findFirstOrThrow({ where: { bookingId: booking.id } }),
    );
    expect(stored.text).toBe(
      'Organizer asked me to email [redacted email] or call [redacted phone] to pay cash',
    );
    expect(stored.userId).toBe(s.photo.user.id);
    const listed = await as.admin.marketplace.admin.listModerationReports({
      kind: 'booking_note',
      bookingId: booking.id,
    });
    expect(listed.items.map((r) => r.text)).toEqual([stored.text]);
    expect(
      (
        await as.admin.marketplace.admin.listModerationReports({
          kind: 'review',
          bookingId: booking.id,
        })
      ).total,
    ).toBe(0);
    const bad = await errorOf(
      as.photo.marketplace.reportContent({
        kind: 'other',
        bookingId: crypto.randomUUID(),
        text: 'x',
      }),
    );
    expect(fieldErrorsOf(bad.cause)).toEqual({ bookingId: ['That booking does not exist'] });
  });
});
