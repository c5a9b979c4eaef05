// Files attached to a booking (issue 14): its vendors and its organizer attach them through
// the usual upload path (signed PUT, bytes sniffed), everyone on the booking and staff list
// them behind short-lived links, anyone else gets "not found", and the organizer's client
// portal shows them behind its own signed app links.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  portalFileDownload,
  readLocalUpload,
  receiveLocalUpload,
  type PortalClient,
} from '@souk/core';
import { tinyPng, uploadLinkParams } from '@souk/core/testing';
import { resetRateLimit, SOCKET_IP_HEADER } from '@souk/auth';
import { withOrg } from '@souk/db';
import { fieldErrorsOf } from './errors';
import { appRouter } from './root';
import { PORTAL_COOKIE } from './routers/portal';
import { callerAs, sessionFor, type Caller } from './test/harness';
import { seededDatabaseForFile } from './test/seeded-database';
import { errorOf } from './test/trpc-errors';
import { createCallerFactory, createTRPCContext } from './trpc';

// Before @souk/core reads its env: this file's files go to a temporary root.
const uploadRoot = vi.hoisted(() => {
  const root = `${process.env.TMPDIR ?? '/tmp'}/souk-booking-files-int-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_ROOT = root;
  return root;
});

const { testDb, c } = seededDatabaseForFile();
const tag = crypto.randomUUID().slice(0, 8);
let orgId = '';
let bookingId = '';
let organizerId = '';
let vendorProfileId = '';
let vendorName = '';
let vendor: Caller; // booked on the booking (approved)
let otherVendor: Caller; // a vendor of the org, not on this booking
let declinedVendor: Caller; // asked, and declined
let otherCustomer: Caller;

const png = tinyPng(3, 2);

afterAll(async () => {
  await rm(uploadRoot, { recursive: true, force: true });
});

async function member(name: string, role: 'VENDOR' | 'CUSTOMER') {
  const user = await testDb.ownerDb.user.create({
    data: { email: `${name}-${tag}@souk.test`, name },
  });
  await withOrg(testDb.db, orgId, (tx) =>
    tx.membership.create({ data: { orgId, userId: user.id, role } }),
  );
  return user;
}

async function vendorProfile(userId: string, displayName: string) {
  const profile = await withOrg(testDb.db, orgId, (tx) =>
    tx.vendor.upsert({
      where: { orgId_userId: { orgId, userId } },
      update: {},
      create: { orgId, userId, type: 'service_provider', displayName, status: 'approved' },
    }),
  );
  return profile;
}

beforeAll(async () => {
  orgId = c.sessions.admin.orgId;
  organizerId = c.sessions.customer.user.id;

  const vendorSession = await sessionFor(testDb.db, 'vendor@souk.test');
  // The seed's photographer (its profile already exists).
  ({ id: vendorProfileId, displayName: vendorName } = await vendorProfile(
    vendorSession.user.id,
    'Lens & Light',
  ));
  vendor = callerAs(testDb.db, vendorSession);

  const other = await member('other-vendor', 'VENDOR');
  await vendorProfile(other.id, 'Elsewhere Catering');
  otherVendor = callerAs(testDb.db, await sessionFor(testDb.db, other.email));

  const declined = await member('declined-vendor', 'VENDOR');
  const { id: declinedProfileId } = await vendorProfile(declined.id, 'No Thanks Band');
  declinedVendor = callerAs(testDb.db, await sessionFor(testDb.db, declined.email));

  const customer = await member('other-customer', 'CUSTOMER');
  otherCustomer = callerAs(testDb.db, await sessionFor(testDb.db, customer.email));

  const booking = await testDb.ownerDb.booking.create({
    data: {
      orgId,
      organizerId,
      currency: 'USD',
      status: 'paid',
      eventDate: new Date(Date.now() + 20 * 86_400_000),
      totalCents: 150_000,
      amountPaidCents: 45_000,
    },
  });
  bookingId = booking.id;
  await testDb.ownerDb.bookingVendor.createMany({
    data: [
      {
        orgId,
        bookingId,
        vendorId: vendorProfileId,
        role: 'service',
        status: 'approved',
        agreedAmountCents: 150_000,
      },
      { orgId, bookingId, vendorId: declinedProfileId, role: 'service', status: 'declined' },
    ],
  });
});

const bookingPhoto = (fileName: string) => ({
  kind: 'booking_photo' as const,
  bookingId,
  fileName,
  contentType: 'image/png',
  sizeBytes: png.length,
});

const uploadCount = () => withOrg(testDb.ownerDb, orgId, (tx) => tx.upload.count());
const auditCount = () =>
  withOrg(testDb.ownerDb, orgId, (tx) =>
    tx.auditLog.count({ where: { action: 'upload.requested' } }),
  );

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** Request, PUT the bytes where the app says (what the web route does), confirm. */
async function attach(as: Caller, fileName: string) {
  const req = await as.uploads.requestUpload(bookingPhoto(fileName));
  const landed = await receiveLocalUpload({
    ...uploadLinkParams(req.url),
    db: testDb.db,
    body: streamOf(png),
    contentLength: png.length,
  });
  expect(landed).toMatchObject({ ok: true, upload: { status: 'stored' } });
  const confirmed = await as.uploads.confirmUpload({ uploadId: req.uploadId });
  expect(confirmed).toMatchObject({ kind: 'booking_photo', status: 'stored' });
  return req.uploadId;
}

const ids = { vendorPhoto: '', organizerPhoto: '' };

describe('attaching a file to a booking', () => {
  it("the booking's vendor attaches a photo: stored with the booking and the vendor, audited", async () => {
    const audits = await auditCount();
    ids.vendorPhoto = await attach(vendor, 'First dance.png');
    const row = await withOrg(testDb.ownerDb, orgId, (tx) =>
      tx.upload.findUniqueOrThrow({ where: { id: ids.vendorPhoto } }),
    );
    expect(row).toMatchObject({
      kind: 'booking_photo',
      status: 'stored',
      bookingId,
      vendorId: vendorProfileId,
      sniffedType: 'image/png',
      sizeBytes: png.length,
    });
    expect(await auditCount()).toBe(audits + 1);
  });

  it('the organizer attaches one too: stored with the booking, no vendor', async () => {
    ids.organizerPhoto = await attach(c.customer, 'Seating plan.png');
    const row = await withOrg(testDb.ownerDb, orgId, (tx) =>
      tx.upload.findUniqueOrThrow({ where: { id: ids.organizerPhoto } }),
    );
    expect(row).toMatchObject({
      kind: 'booking_photo',
      bookingId,
      vendorId: null,
      ownerId: organizerId,
      status: 'stored',
    });
  });

  it('anyone else is told the booking does not exist, and nothing is written', async () => {
    const before = await uploadCount();
    const audits = await auditCount();
    for (const outsider of [otherVendor, declinedVendor, otherCustomer, c.admin, c.acmeAdmin]) {
      const error = await errorOf(outsider.uploads.requestUpload(bookingPhoto('Sneaky.png')));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe('Booking not found');
    }
    // A booking id that does not exist answers the same.
    const missing = await errorOf(
      vendor.uploads.requestUpload({ ...bookingPhoto('x.png'), bookingId: crypto.randomUUID() }),
    );
    expect(missing.message).toBe('Booking not found');
    // Read-only staff may not upload at all.
    expect((await errorOf(c.viewer.uploads.requestUpload(bookingPhoto('x.png')))).code).toBe(
      'FORBIDDEN',
    );
    expect(await uploadCount()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it('a booking photo without a booking, or a booking on another kind, is refused in words', async () => {
    const before = await uploadCount();
    const { bookingId: _omitted, ...noBooking } = bookingPhoto('x.png');
    const missing = await errorOf(vendor.uploads.requestUpload(noBooking));
    expect(missing.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(missing.cause)).toEqual({
      bookingId: ['Say which booking the file is attached to'],
    });
    const wrongKind = await errorOf(
      vendor.uploads.requestUpload({ ...bookingPhoto('x.png'), kind: 'service_portfolio' }),
    );
    expect(fieldErrorsOf(wrongKind.cause)?.bookingId?.[0]).toMatch(/Only booking_photo files/);
    const notUuid = await errorOf(
      vendor.uploads.requestUpload({ ...bookingPhoto('x.png'), bookingId: 'nope' }),
    );
    expect(fieldErrorsOf(notUuid.cause)).toHaveProperty('bookingId');
    expect(await uploadCount()).toBe(before);
  });

  it('the bytes are checked like any upload: a PDF declared as PNG is rejected', async () => {
    const req = await c.customer.uploads.requestUpload(bookingPhoto('fake.png'));
    const landed = await receiveLocalUpload({
      ...uploadLinkParams(req.url),
      db: testDb.db,
      body: streamOf(Buffer.from('%PDF-1.4\n%%EOF\n'.padEnd(png.length, ' '))),
    });
    expect(landed).toMatchObject({ ok: false });
    const files = await c.customer.uploads.listBookingFiles({ bookingId });
    expect(files.map((f) => f.id)).not.toContain(req.uploadId);
  });
});

describe("listing a booking's files", () => {
  it('the organizer and the vendor both see both files, with short-lived download links', async () => {
    for (const [who, mine] of [
      [c.customer, ids.organizerPhoto],
      [vendor, ids.vendorPhoto],
    ] as const) {
      const files = await who.uploads.listBookingFiles({ bookingId });
      expect(files.map((f) => f.id)).toEqual([ids.vendorPhoto, ids.organizerPhoto]);
      expect(files.find((f) => f.isMine)?.id).toBe(mine);
      const [photo, plan] = files;
      expect(photo).toMatchObject({
        fileName: 'First dance.png',
        contentType: 'image/png',
        sizeBytes: png.length,
        vendorName,
      });
      expect(plan).toMatchObject({ fileName: 'Seating plan.png', vendorName: null });
      expect(photo!.url).toMatch(
        new RegExp(`/api/uploads/${ids.vendorPhoto}\\?org=${orgId}&op=get&expires=\\d+&sig=`),
      );
      const ttl = (photo!.urlExpiresAt.getTime() - Date.now()) / 1000;
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(300);
    }
  });

  it('the link serves the stored bytes as the sniffed type', async () => {
    const [photo] = await vendor.uploads.listBookingFiles({ bookingId });
    const served = await readLocalUpload({ ...uploadLinkParams(photo!.url), db: testDb.db });
    expect(served.ok).toBe(true);
    if (!served.ok) return;
    expect(served.headers['Content-Type']).toBe('image/png');
    const body = Buffer.from(await new Response(served.body).arrayBuffer());
    expect(body.equals(png)).toBe(true);
  });

  it('staff with the bookings permission see them; outsiders get not found', async () => {
    expect((await c.viewer.uploads.listBookingFiles({ bookingId })).map((f) => f.id)).toEqual([
      ids.vendorPhoto,
      ids.organizerPhoto,
    ]);
    for (const outsider of [otherVendor, declinedVendor, otherCustomer, c.acmeAdmin]) {
      const error = await errorOf(outsider.uploads.listBookingFiles({ bookingId }));
      expect(error.code).toBe('NOT_FOUND');
    }
  });
});

describe("the organizer's client portal", () => {
  const createCaller = createCallerFactory(appRouter);
  const portalCaller = (headers: Record<string, string>) =>
    createCaller(
      createTRPCContext({
        db: testDb.db,
        session: null,
        headers: new Headers({
          [SOCKET_IP_HEADER]: '203.0.113.77',
          'x-request-id': crypto.randomUUID(),
          ...headers,
        }),
        trustedProxyCidrs: [],
      }),
    );

  async function portalToken(email: string): Promise<string> {
    await resetRateLimit('portal-link-email', 3, `${orgId}:${email}`);
    await portalCaller({}).portal.requestLink({ email });
    const sent = await testDb.ownerDb.outboxEvent.findFirstOrThrow({
      where: { recipient: email, topic: 'portal.magic_link' },
      orderBy: { createdAt: 'desc' },
    });
    const token = /\/portal\/callback\?token=(\S+)/.exec(sent.body)?.[1];
    expect(token).toBeDefined();
    const redeemed = await portalCaller({}).portal.redeemLink({
      token: decodeURIComponent(token!),
    });
    return redeemed.sessionToken;
  }

  it('lists the attached files behind signed app links that lead to the bytes', async () => {
    const email = c.sessions.customer.user.email;
    const token = await portalToken(email);
    const detail = await portalCaller({ cookie: `${PORTAL_COOKIE}=${token}` }).portal.getBooking({
      id: bookingId,
    });
    expect(detail.files.map((f) => [f.id, f.fileName])).toEqual([
      [ids.vendorPhoto, 'First dance.png'],
      [ids.organizerPhoto, 'Seating plan.png'],
    ]);
    const file = detail.files[0]!;
    expect(file.url).toMatch(new RegExp(`^/api/portal/files/${ids.vendorPhoto}\\?exp=\\d+&sig=`));
    expect(JSON.stringify(detail)).not.toContain('uploads/');

    // Following it: the portal route's check, then the short-lived storage link, then bytes.
    const q = new URL(file.url, 'http://app').searchParams;
    const client: PortalClient = {
      sessionId: crypto.randomUUID(),
      orgId,
      email,
      expiresAt: new Date(Date.now() + 86_400_000),
    };
    const outcome = await portalFileDownload({
      db: testDb.db,
      client,
      uploadId: ids.vendorPhoto,
      exp: q.get('exp'),
      sig: q.get('sig'),
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const served = await readLocalUpload({ ...uploadLinkParams(outcome.url), db: testDb.db });
    expect(served.ok).toBe(true);
    if (!served.ok) return;
    expect(Buffer.from(await new Response(served.body).arrayBuffer()).equals(png)).toBe(true);
  });
});
