// Marketplace rules users trip over (spec 004), through tRPC on a real database with the
// real Stripe SDK against the sandbox: past event dates, early completion, the deposit
// label, payouts before payout setup, restarting a template subscription, paged lists.
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './errors';
import { sandboxStackForFile } from './test/sandbox-stack';
import { errorOf } from './test/trpc-errors';

const DAY = 86_400_000;
const market = sandboxStackForFile({
  secret: 'whsec_marketplace_rules_test',
  logins: {
    organizer: 'customer@souk.test',
    venue: 'venue@souk.test',
    photo: 'vendor@souk.test',
    admin: 'admin@souk.test',
  },
  payingLogin: 'organizer',
});
const { testDb, sessions: s, as, db } = market;

/** A calendar day `days` from now (negative: in the past), as the booking form sends it. */
const dayFrom = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

async function vendorIds() {
  const venues = await as.anonymous.marketplace.public.listVendors({ type: 'venue_owner' });
  const services = await as.anonymous.marketplace.public.listVendors({ type: 'service_provider' });
  return {
    venue: venues.items.find((v) => v.displayName === 'Harbor Hall')!.id,
    photo: services.items.find((v) => v.displayName === 'Lens & Light Photography')!.id,
  };
}

/** Venue $1,500.00 + photographer $600.00 = $2,100.00, ready for payment. */
async function readyBooking(eventDate: string) {
  const ids = await vendorIds();
  const booking = await as.organizer.marketplace.organizer.createBooking({
    eventDate,
    guestCount: 80,
    venueVendorId: ids.venue,
    serviceVendorIds: [ids.photo],
    currency: 'USD',
  });
  await as.photo.marketplace.vendor.approveBooking({
    bookingId: booking.id,
    agreedAmountCents: 60_000,
  });
  await as.venue.marketplace.vendor.approveBooking({
    bookingId: booking.id,
    agreedAmountCents: 150_000,
  });
  return booking;
}

async function pay(bookingId: string, mode: 'deposit' | 'full' | 'balance') {
  const intent = await as.organizer.marketplace.organizer.payBooking({ bookingId, mode });
  await market.control(`payment_intents/${intent.paymentIntentId}/succeed`);
}

describe('event dates in the past', () => {
  it('refuses a request for a day already over, naming the date field; a future day is fine', async () => {
    const ids = await vendorIds();
    const count = () => db((tx) => tx.booking.count());
    const before = await count();
    const past = await errorOf(
      as.organizer.marketplace.organizer.createBooking({
        eventDate: dayFrom(-3),
        venueVendorId: ids.venue,
        currency: 'USD',
      }),
    );
    expect(past.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(past.cause)).toEqual({
      eventDate: ['The event date is in the past: choose today or a later date'],
    });
    expect(await count()).toBe(before);

    const future = await as.organizer.marketplace.organizer.createBooking({
      eventDate: dayFrom(3),
      venueVendorId: ids.venue,
      currency: 'USD',
    });
    expect(future.status).toBe('awaiting_vendor_approval');
  });

  it('a draft whose day has gone by cannot be sent to vendors', async () => {
    const ids = await vendorIds();
    const draft = await as.organizer.marketplace.organizer.createBooking({
      eventDate: dayFrom(10),
      venueVendorId: ids.venue,
      currency: 'USD',
      submit: false,
    });
    expect(draft.status).toBe('draft');
    // The draft sat around until its event day was over.
    await db((tx) =>
      tx.booking.update({
        where: { id: draft.id },
        data: { eventDate: new Date(`${dayFrom(-2)}T00:00:00Z`) },
      }),
    );
    const refused = await errorOf(
      as.organizer.marketplace.organizer.submitBooking({ bookingId: draft.id }),
    );
    expect(fieldErrorsOf(refused.cause)).toEqual({
      eventDate: ['The event date is in the past: choose today or a later date'],
    });
    const after = await db((tx) => tx.booking.findUniqueOrThrow({ where: { id: draft.id } }));
    expect(after.status).toBe('draft');
  });
});

describe('completing the event', () => {
  it('the organizer cannot complete months early; the admin force-complete still can, audited', async () => {
    const booking = await readyBooking(dayFrom(90));
    await pay(booking.id, 'full');
    const view = await as.organizer.marketplace.organizer.getBooking({ bookingId: booking.id });
    expect(view.completionBlockedReason).toMatch(/you can mark it completed from that day/);

    const early = await errorOf(
      as.organizer.marketplace.organizer.completeBooking({ bookingId: booking.id }),
    );
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toMatch(/^The event is on .+: you can mark it completed from that day/);
    const still = await db((tx) => tx.booking.findUniqueOrThrow({ where: { id: booking.id } }));
    expect(still.status).toBe('paid');
    const locked = await db((tx) =>
      tx.payout.count({
        where: { bookingId: booking.id, milestone: 'completion', status: 'locked' },
      }),
    );
    expect(locked).toBe(2);

    const forced = await as.admin.marketplace.admin.forceCompleteBooking({ bookingId: booking.id });
    expect(forced.status).toBe('completed');
    expect(forced.releasedPayouts).toBe(2);
    const audit = await db((tx) =>
      tx.auditLog.findFirst({ where: { entityId: booking.id, action: 'booking.force_completed' } }),
    );
    expect(audit).not.toBeNull();
  });

  it('from the event day on, the organizer completes and the completion payouts are released', async () => {
    const booking = await readyBooking(dayFrom(20));
    await pay(booking.id, 'full');
    // The event took place two days ago.
    await db((tx) =>
      tx.booking.update({
        where: { id: booking.id },
        data: { eventDate: new Date(`${dayFrom(-2)}T00:00:00Z`) },
      }),
    );
    const done = await as.organizer.marketplace.organizer.completeBooking({
      bookingId: booking.id,
    });
    expect(done.status).toBe('completed');
    expect(done.releasedPayouts).toBe(2);
  });
});

describe('status words after a deposit', () => {
  it('says "Deposit paid" while the balance is due and "Paid in full" after it', async () => {
    const booking = await readyBooking(dayFrom(60));
    await pay(booking.id, 'deposit');
    const detail = await as.organizer.marketplace.organizer.getBooking({ bookingId: booking.id });
    expect(detail.status).toBe('paid');
    expect(detail.amounts.balanceDueCents).toBe(147_000);
    expect(detail.statusLabel).toBe('Deposit paid');
    const mine = await as.organizer.marketplace.organizer.listBookings({ pageSize: 100 });
    expect(mine.items.find((b) => b.id === booking.id)!.statusLabel).toBe('Deposit paid');
    const staff = await as.admin.marketplace.admin.listBookings({ status: 'paid', pageSize: 100 });
    expect(staff.items.find((b) => b.id === booking.id)!.statusLabel).toBe('Deposit paid');

    await pay(booking.id, 'balance');
    const paid = await as.organizer.marketplace.organizer.getBooking({ bookingId: booking.id });
    expect(paid.amounts.balanceDueCents).toBe(0);
    expect(paid.statusLabel).toBe('Paid in full');
  });
});

describe('payouts before payout setup', () => {
  it('the vendor is told to finish payout setup and the payout stays locked; after setup it goes through', async () => {
    const booking = await readyBooking(dayFrom(45));
    await pay(booking.id, 'full');
    const mine = await as.photo.marketplace.vendor.listPayouts({ status: 'locked' });
    expect(mine.requestBlockedReason).toBe(
      'Finish payout setup on your profile page before requesting a payout',
    );
    expect(mine.payoutSetupPath).toBe('/vendor/profile#payout-setup');
    const reservation = mine.items.find(
      (p) => p.bookingId === booking.id && p.milestone === 'reservation',
    )!;
    const detail = await as.photo.marketplace.vendor.getBooking({ bookingId: booking.id });
    expect(detail.requestBlockedReason).toMatch(/Finish payout setup/);

    const refused = await errorOf(
      as.photo.marketplace.vendor.requestPayout({ id: reservation.id }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      'Finish payout setup on your profile page before requesting a payout',
    );
    const row = () => db((tx) => tx.payout.findUniqueOrThrow({ where: { id: reservation.id } }));
    expect((await row()).status).toBe('locked');
    expect((await row()).requestedAt).toBeNull();

    // Payout setup at the processor: a connected account that can receive transfers.
    const setup = await as.photo.marketplace.vendor.startPayoutSetup({
      returnUrl: 'http://localhost:3000/vendor/profile?payouts=return',
      refreshUrl: 'http://localhost:3000/vendor/profile?payouts=refresh',
    });
    const onboarded = await fetch(
      `${market.sandbox.url}/_sandbox/accounts/${setup.accountId}/onboard`,
      { method: 'POST', headers: market.controlAuth() },
    );
    expect(onboarded.status).toBe(200);
    expect((await as.photo.marketplace.vendor.refreshPayoutStatus()).payoutsEnabled).toBe(true);
    expect((await as.photo.marketplace.vendor.listPayouts({})).requestBlockedReason).toBeNull();

    const requested = await as.photo.marketplace.vendor.requestPayout({ id: reservation.id });
    expect(requested.status).toBe('eligible');
  });
});

describe('restarting a template subscription', () => {
  it('a restart within the unused trial resumes the trial; after the trial it waits for payment', async () => {
    const wedding = (await as.anonymous.marketplace.public.listTemplates({})).find(
      (t) => t.name === 'Wedding reception',
    )!;
    const organizer = as.organizer.marketplace.organizer;
    const trial = await organizer.startSubscription();
    expect(trial.status).toBe('trial');
    expect(trial.hasAccess).toBe(true);
    const trialEndsAt = trial.trialEndsAt!;

    await organizer.cancelSubscription();
    const resumed = await organizer.startSubscription();
    expect(resumed.status).toBe('trial');
    expect(resumed.hasAccess).toBe(true);
    // Cancelling and restarting never stretches the free days.
    expect(resumed.trialEndsAt!.getTime()).toBe(trialEndsAt.getTime());

    // The trial ran out three days ago, then the organizer cancelled and restarts.
    await db((tx) =>
      tx.organizerSubscription.updateMany({
        where: { userId: s.organizer.user.id },
        data: { trialEndsAt: new Date(Date.now() - 3 * DAY) },
      }),
    );
    await organizer.cancelSubscription();
    const restarted = await organizer.startSubscription();
    expect(restarted.status).toBe('incomplete');
    expect(restarted.hasAccess).toBe(false);
    expect(restarted.needsPayment).toBe(true);
    expect(restarted.accessNote).toMatch(
      /free trial has been used: template details need a paid plan/,
    );
    const refused = await errorOf(organizer.getTemplate({ id: wedding.id }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/paid plan/);
    // Pressing the button again changes nothing.
    expect((await organizer.startSubscription()).status).toBe('incomplete');

    // Once paid (set by staff), access opens.
    await as.admin.marketplace.admin.setSubscription({
      userId: s.organizer.user.id,
      status: 'active',
    });
    expect((await organizer.getTemplate({ id: wedding.id })).name).toBe('Wedding reception');

    // A cancelled paid plan does not come back for free either.
    await organizer.cancelSubscription();
    const again = await organizer.startSubscription();
    expect(again.status).toBe('incomplete');
    expect(again.hasAccess).toBe(false);
  });
});

describe('long lists are paged, not capped', () => {
  it('the public vendor directory reaches vendor 501 and beyond', async () => {
    const n = 510;
    const users = Array.from({ length: n }, (_, i) => ({
      id: crypto.randomUUID(),
      email: `paged-vendor-${i}@rules.test`,
    }));
    await testDb.ownerDb.user.createMany({ data: users });
    await db((tx) =>
      tx.vendor.createMany({
        data: users.map((u, i) => ({
          orgId: market.orgId,
          userId: u.id,
          type: 'service_provider' as const,
          // "Zz" sorts after every seeded provider: these are the last rows of the list.
          displayName: `Zz Paged ${String(i + 1).padStart(4, '0')}`,
          status: 'approved' as const,
        })),
      }),
    );
    const first = await as.anonymous.marketplace.public.listVendors({
      type: 'service_provider',
      pageSize: 100,
    });
    expect(first.total).toBeGreaterThanOrEqual(n);
    expect(first.items).toHaveLength(100);
    const lastPage = Math.ceil(first.total / 100);
    const last = await as.anonymous.marketplace.public.listVendors({
      type: 'service_provider',
      page: lastPage,
      pageSize: 100,
    });
    expect(last.items.at(-1)!.displayName).toBe('Zz Paged 0510');
    const seen = new Set<string>();
    for (let page = 1; page <= lastPage; page++) {
      const { items } = await as.anonymous.marketplace.public.listVendors({
        type: 'service_provider',
        page,
        pageSize: 100,
      });
      items.forEach((r) => seen.add(r.id));
    }
    expect(seen.size).toBe(first.total);
  });

  it('the admin subscriptions list reaches organizer 501 and beyond', async () => {
    const n = 505;
    const users = Array.from({ length: n }, (_, i) => ({
      id: crypto.randomUUID(),
      email: `paged-organizer-${String(i + 1).padStart(4, '0')}@rules.test`,
    }));
    await testDb.ownerDb.user.createMany({ data: users });
    const base = Date.now();
    await db((tx) =>
      tx.membership.createMany({
        data: users.map((u, i) => ({
          orgId: market.orgId,
          userId: u.id,
          role: 'CUSTOMER' as const,
          createdAt: new Date(base + i * 1000),
        })),
      }),
    );
    const first = await as.admin.marketplace.admin.listSubscriptions({ pageSize: 100 });
    expect(first.total).toBeGreaterThanOrEqual(n);
    const lastPage = Math.ceil(first.total / 100);
    const emails: string[] = [];
    for (let page = 1; page <= lastPage; page++) {
      const { items } = await as.admin.marketplace.admin.listSubscriptions({ page, pageSize: 100 });
      emails.push(...items.map((r) => r.email));
    }
    expect(emails).toHaveLength(first.total);
    expect(emails).toContain('paged-organizer-0501@rules.test');
    expect(emails.at(-1)).toBe('paged-organizer-0505@rules.test');
  });
});
