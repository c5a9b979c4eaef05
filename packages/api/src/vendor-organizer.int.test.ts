// One person, two hats: a customer who onboards as a vendor keeps organizing events.
import { describe, expect, it } from 'vitest';
import { withOrg } from '@souk/db';
import { callerAs, sessionFor } from './test/harness';
import { seededDatabaseForFile } from './test/seeded-database';
import { onboardNightOwlDjs } from './test/vendors';

const { testDb, c } = seededDatabaseForFile();

describe('a customer who onboarded as a vendor', () => {
  it('can still create a booking request as an organizer', async () => {
    const applicant = callerAs(testDb.db, await sessionFor(testDb.db, 'applicant@souk.test'));
    const { session } = await onboardNightOwlDjs(testDb.db, applicant);
    const asVendor = callerAs(testDb.db, session);
    expect((await asVendor.marketplace.vendor.getMyVendor())?.displayName).toBe('Night Owl DJs');

    const directory = (await c.anonymous.marketplace.public.listVendors({})).items;
    const venue = directory.find((v) => v.displayName === 'Harbor Hall')!;
    const booking = await asVendor.marketplace.organizer.createBooking({
      eventDate: '2027-09-18',
      guestCount: 60,
      locationText: 'Porto old town',
      venueVendorId: venue.id,
      requestedBudgetCents: 120_000,
      currency: 'USD',
    });
    expect(booking.status).toBe('awaiting_vendor_approval');

    const row = await withOrg(testDb.ownerDb, session.orgId, (tx) =>
      tx.booking.findUniqueOrThrow({
        where: { id: booking.id },
        include: { vendors: { include: { vendor: { select: { displayName: true } } } } },
      }),
    );
    expect(row).toMatchObject({
      organizerId: session.user.id,
      requestedBudgetCents: 120_000,
      status: 'awaiting_vendor_approval',
    });
    expect(row.vendors.map((v) => [v.vendor.displayName, v.role, v.status])).toEqual([
      ['Harbor Hall', 'venue', 'pending'],
    ]);
    const mine = await asVendor.marketplace.organizer.listBookings({});
    expect(JSON.stringify(mine)).toContain(booking.id);
  });

  it('cannot book their own listing, and nothing is created', async () => {
    const session = await sessionFor(testDb.db, 'venue@souk.test');
    const venueOwner = callerAs(testDb.db, session);
    const directory = (await c.anonymous.marketplace.public.listVendors({})).items;
    const own = directory.find((v) => v.displayName === 'Harbor Hall')!;
    const before = await withOrg(testDb.ownerDb, session.orgId, (tx) =>
      tx.booking.count({ where: { organizerId: session.user.id } }),
    );
    await expect(
      venueOwner.marketplace.organizer.createBooking({
        eventDate: '2027-09-18',
        guestCount: 60,
        locationText: 'Porto old town',
        venueVendorId: own.id,
        requestedBudgetCents: 120_000,
        currency: 'USD',
      }),
    ).rejects.toThrow('You cannot book your own listing: choose another vendor');
    const after = await withOrg(testDb.ownerDb, session.orgId, (tx) =>
      tx.booking.count({ where: { organizerId: session.user.id } }),
    );
    expect(after).toBe(before);
  });
});
