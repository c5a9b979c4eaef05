// Incident mode (spec 002): with ADMIN_READ_ONLY set, staff reads work and every
// staff change is refused with a clear message, while customers and vendors acting
// for themselves carry on. Env is read at import, so set it first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOrg } from '@souk/db';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { createStripeGateway } from '@souk/payments';
import { startStripeSandbox, type StripeSandbox } from '@souk/stripe-sandbox';

process.env.ADMIN_READ_ONLY = 'true';
const { callerAs, seededCallers, sessionFor } = await import('./test/harness');

const READ_ONLY_MESSAGE = 'Admin is in read-only mode: changes are paused during an incident';
let testDb: TestDatabase;
let sandbox: StripeSandbox;
let c: Awaited<ReturnType<typeof seededCallers>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  c = await seededCallers(testDb.db);
  sandbox = await startStripeSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.stop();
  await testDb?.drop();
});

describe('admin read-only mode', () => {
  it('keeps reads working and refuses changes with CONFLICT, writing nothing', async () => {
    const list = await c.admin.catalog.listProducts({ search: 'instagram' });
    expect(list.total).toBe(1);
    const id = list.items[0]!.id;
    await expect(
      c.admin.catalog.updateProduct({ id, name: 'Changed during incident' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Admin is in read-only mode: changes are paused during an incident',
    });
    expect((await c.admin.catalog.getProduct({ id })).name).toBe('Instagram Growth');
    const audit = await c.admin.audit.listEntries({ action: 'product.updated' });
    expect(audit.total).toBe(0);
  });
});

describe('read-only mode pauses staff changes only', () => {
  it('a customer books and pays, vendors answer and upload; an admin cannot cancel', async () => {
    const gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
    const as = async (email: string) =>
      callerAs(testDb.db, await sessionFor(testDb.db, email), undefined, { gateway });
    const organizer = await as('customer@souk.test');
    const venue = await as('venue@souk.test');
    const photo = await as('vendor@souk.test');
    const admin = await as('admin@souk.test');
    const orgId = c.sessions.admin.orgId;

    const directory = await c.anonymous.marketplace.public.listVendors({});
    const id = (name: string) => directory.items.find((v) => v.displayName === name)!.id;
    const booking = await organizer.marketplace.organizer.createBooking({
      eventDate: '2027-06-12',
      guestCount: 80,
      venueVendorId: id('Harbor Hall'),
      serviceVendorIds: [id('Lens & Light Photography')],
      requestedBudgetCents: 200_000,
      currency: 'USD',
    });
    await photo.marketplace.vendor.counterBooking({
      bookingId: booking.id,
      proposedAmountCents: 60_000,
    });
    const view = await organizer.marketplace.organizer.getBooking({ bookingId: booking.id });
    await organizer.marketplace.organizer.answerCounterOffer({
      bookingId: booking.id,
      bookingVendorId: view.vendors.find((v) => v.vendor.displayName.startsWith('Lens'))!.id,
      accept: true,
    });
    await venue.marketplace.vendor.approveBooking({
      bookingId: booking.id,
      agreedAmountCents: 150_000,
    });

    await expect(
      admin.marketplace.admin.cancelBooking({ bookingId: booking.id, reason: 'Incident drill' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: READ_ONLY_MESSAGE });

    const pay = await organizer.marketplace.organizer.payBooking({
      bookingId: booking.id,
      mode: 'full',
    });
    expect(pay.payUrl).toContain('/pay/payment_intents/');

    const upload = await photo.uploads.requestUpload({
      kind: 'service_portfolio',
      fileName: 'Reception.png',
      contentType: 'image/png',
      sizeBytes: 2048,
    });

    const rows = await withOrg(testDb.ownerDb, orgId, async (tx) => ({
      booking: await tx.booking.findUniqueOrThrow({ where: { id: booking.id } }),
      answers: await tx.bookingVendor.findMany({
        where: { bookingId: booking.id },
        orderBy: { role: 'asc' },
      }),
      payments: await tx.bookingPayment.findMany({ where: { bookingId: booking.id } }),
      upload: await tx.upload.findUniqueOrThrow({ where: { id: upload.uploadId } }),
      cancelAudit: await tx.auditLog.count({
        where: { entityId: booking.id, action: { contains: 'cancel' } },
      }),
    }));
    expect(rows.booking.status).not.toBe('cancelled');
    expect(rows.answers.map((a) => [a.role, a.status, a.agreedAmountCents])).toEqual([
      ['venue', 'approved', 150_000],
      ['service', 'approved', 60_000],
    ]);
    expect(rows.payments.map((p) => [p.kind, p.status, p.amountCents])).toEqual([
      ['full', 'requires_payment', 210_000],
    ]);
    expect(rows.upload).toMatchObject({ kind: 'service_portfolio', status: 'pending' });
    expect(rows.cancelAudit).toBe(0);
  });
});
