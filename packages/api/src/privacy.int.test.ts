// GDPR (spec 002 "Data export/delete playbook") on a real database: the export holds one
// person's data and nobody else's, deletion requests are idempotent, and retention cleanup
// leaves no trace of the person in any table while the accounting totals stay as they were.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgScope,
  resumeCheckout,
  resumeToken,
  runRetentionCleanup,
  uploadSettingsFromEnv,
  type StorageOf,
} from '@souk/core';
import type { Role } from '@souk/db';
import { callerAs, sessionFor } from './test/harness';
import { seededDatabaseForFile } from './test/seeded-database';
import { codeOf, errorOf } from './test/trpc-errors';
import { fieldErrorsOf } from './errors';

const { testDb, c } = seededDatabaseForFile();
const tag = crypto.randomUUID().slice(0, 8);
let demoId = '';
let acmeId = '';

interface Person {
  id: string;
  email: string;
  name: string;
  phone: string;
}

const owner = () => testDb.ownerDb;

/** A storage whose deletes do what the test says (only `remove` is used by cleanup). */
function storageWith(remove: (key: string) => Promise<void>): StorageOf {
  return () => ({ remove }) as unknown as ReturnType<StorageOf>;
}

async function person(
  first: string,
  roles: Partial<Record<'demo' | 'acme', Role>> = { demo: 'CUSTOMER' },
): Promise<Person> {
  const email = `${first.toLowerCase()}-${tag}@example.test`;
  const name = `${first} Quillfeather${tag}`;
  const phone = `+1 555 ${Math.floor(1000 + Math.random() * 9000)} ${Math.floor(10 + Math.random() * 90)}`;
  const user = await owner().user.create({ data: { email, name, passwordHash: 'x' } });
  for (const [org, role] of Object.entries(roles) as ['demo' | 'acme', Role][]) {
    await owner().membership.create({
      data: { orgId: org === 'demo' ? demoId : acmeId, userId: user.id, role },
    });
  }
  return { id: user.id, email, name, phone };
}

/**
 * What checkout, the payment events and the marketplace leave behind for one person in an
 * org: an order with its invoice, payment, hosted session and processor event, a booking
 * with a payment and a file, a staff note, a preference, an email and an audit row.
 */
async function footprint(orgId: string, p: Person, opts: { guestEmail?: string } = {}) {
  const unique = crypto.randomUUID().slice(0, 12);
  const order = await owner().order.create({
    data: {
      orgId,
      customerId: opts.guestEmail ? null : p.id,
      customerEmail: opts.guestEmail ?? p.email,
      status: 'paid',
      currency: 'USD',
      subtotalCents: 10_000,
      taxCents: 825,
      totalCents: 10_825,
      paidAt: new Date(),
      items: {
        create: {
          orgId,
          productName: 'Portrait session',
          quantity: 1,
          unitPriceCents: 10_000,
          totalCents: 10_000,
          configuration: { customFields: [{ label: 'Contact', value: `${p.name}, ${p.phone}` }] },
        },
      },
      invoice: {
        create: {
          orgId,
          status: 'paid',
          currency: 'USD',
          subtotalCents: 10_000,
          taxableSubtotalCents: 10_000,
          taxCents: 825,
          taxRateBasis: 825,
          totalCents: 10_825,
          amountPaidCents: 10_825,
          paidAt: new Date(),
          lineItems: {
            create: {
              orgId,
              description: 'Portrait session',
              quantity: 1,
              unitAmountCents: 10_000,
              totalCents: 10_000,
              taxRateBps: 825,
              position: 0,
            },
          },
        },
      },
    },
    include: { invoice: true },
  });
  const invoice = order.invoice!;
  const payment = await owner().payment.create({
    data: {
      orgId,
      invoiceId: invoice.id,
      processorPaymentIntentId: `pi_${unique}`,
      amountCents: 10_825,
      currency: 'USD',
      status: 'succeeded',
    },
  });
  const session = await owner().hostedCheckoutSession.create({
    data: {
      orgId,
      invoiceId: invoice.id,
      processorSessionId: `cs_${unique}`,
      url: `https://pay.example.test/c/${unique}`,
      status: 'completed',
      amountCents: 10_825,
      currency: 'USD',
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  await owner().processorEvent.create({
    data: {
      orgId,
      eventId: `evt_${unique}`,
      type: 'checkout.session.completed',
      status: 'processed',
      invoiceId: invoice.id,
      eventCreatedAt: new Date(),
      payload: {
        id: `evt_${unique}`,
        data: {
          object: {
            id: `cs_${unique}`,
            customer_email: (opts.guestEmail ?? p.email).toUpperCase(),
            customer_details: { email: opts.guestEmail ?? p.email, name: p.name, phone: p.phone },
          },
        },
      },
    },
  });
  await owner().outboxEvent.create({
    data: {
      orgId,
      dedupeKey: `receipt:${unique}`,
      channel: 'email',
      topic: 'order.paid',
      recipient: opts.guestEmail ?? p.email,
      subject: `Thanks, ${p.name}`,
      body: `Hello ${p.name}, order #${order.number} is paid.`,
      status: 'pending',
    },
  });
  await owner().auditLog.create({
    data: {
      orgId,
      action: 'orders.note',
      entityType: 'order',
      entityId: order.id,
      actorEmail: 'admin@souk.test',
      after: { note: `Called ${p.name} on ${p.phone}`, email: opts.guestEmail ?? p.email },
    },
  });
  return { order, invoice, payment, session };
}

async function marketplaceFootprint(orgId: string, p: Person) {
  const unique = crypto.randomUUID().slice(0, 12);
  const booking = await owner().booking.create({
    data: {
      orgId,
      organizerId: p.id,
      currency: 'USD',
      status: 'paid',
      totalCents: 50_000,
      amountPaidCents: 15_000,
      locationText: `${p.name}'s garden`,
      notes: `Call ${p.phone} at the gate`,
    },
  });
  const bookingPayment = await owner().bookingPayment.create({
    data: {
      orgId,
      bookingId: booking.id,
      kind: 'deposit',
      status: 'succeeded',
      amountCents: 15_000,
      currency: 'USD',
      processorPaymentIntentId: `pi_b_${unique}`,
      clientSecret: `pi_b_${unique}_secret_shh`,
      idempotencyKey: `pay:${unique}`,
      commissionBps: 1000,
      reservationBps: 5000,
      createdById: p.id,
      succeededAt: new Date(),
    },
  });
  const uploadId = crypto.randomUUID();
  const upload = await owner().upload.create({
    data: {
      id: uploadId,
      orgId,
      ownerId: p.id,
      bookingId: booking.id,
      kind: 'venue_photo',
      status: 'stored',
      key: `uploads/${orgId}/${p.id}/${uploadId}-garden.png`,
      backend: 'local',
      fileName: `${p.name} garden.png`,
      declaredType: 'image/png',
      sniffedType: 'image/png',
      declaredBytes: 68,
      sizeBytes: 68,
      expiresAt: new Date(Date.now() + 60_000),
      storedAt: new Date(),
    },
  });
  await owner().customerNote.create({
    data: { orgId, customerId: p.id, body: `${p.name} prefers mornings; ${p.phone}` },
  });
  await owner().customerPreference.create({
    data: { orgId, userId: p.id, orderUpdates: false },
  });
  return { booking, bookingPayment, upload };
}

/** Rows in any public table's text or JSON columns (of one org, when given) mentioning a needle. */
async function mentions(needle: string, orgId?: string): Promise<Record<string, number>> {
  const columns = await owner().$queryRaw<{ table: string; column: string; hasOrg: boolean }[]>`
    SELECT c.table_name AS "table", c.column_name AS "column",
           EXISTS (SELECT 1 FROM information_schema.columns o WHERE o.table_schema = 'public'
                   AND o.table_name = c.table_name AND o.column_name = 'orgId') AS "hasOrg"
    FROM information_schema.columns c
    WHERE c.table_schema = 'public'
      AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'character')`;
  const found: Record<string, number> = {};
  for (const { table, column, hasOrg } of columns) {
    if (orgId && !hasOrg) continue;
    const orgFilter = orgId ? ` AND "orgId" = '${orgId}'::uuid` : '';
    const rows = await owner().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE $1${orgFilter}`,
      `%${needle}%`,
    );
    if (rows[0]!.n > 0) found[`${table}.${column}`] = rows[0]!.n;
  }
  return found;
}

/** Everything finance reads: invoice totals and tax snapshots, payments, bookings' money. */
async function accountingTotals(orgId: string) {
  const [row] = await owner().$queryRaw<Record<string, bigint | null>[]>`
    SELECT
      (SELECT sum("totalCents") FROM invoices WHERE "orgId" = ${orgId}::uuid) AS "invoiceTotal",
      (SELECT sum("taxCents") FROM invoices WHERE "orgId" = ${orgId}::uuid) AS "invoiceTax",
      (SELECT sum("taxableSubtotalCents") FROM invoices WHERE "orgId" = ${orgId}::uuid) AS "taxable",
      (SELECT sum("taxRateBasis") FROM invoices WHERE "orgId" = ${orgId}::uuid) AS "rates",
      (SELECT sum("amountPaidCents") FROM invoices WHERE "orgId" = ${orgId}::uuid) AS "invoicePaid",
      (SELECT sum("totalCents") FROM invoice_line_items WHERE "orgId" = ${orgId}::uuid) AS "lines",
      (SELECT sum("amountCents") FROM payments WHERE "orgId" = ${orgId}::uuid) AS "payments",
      (SELECT sum("totalCents") FROM orders WHERE "orgId" = ${orgId}::uuid) AS "orders",
      (SELECT sum("amountCents") FROM booking_payments WHERE "orgId" = ${orgId}::uuid) AS "bookingPayments",
      (SELECT sum("amountPaidCents") FROM bookings WHERE "orgId" = ${orgId}::uuid) AS "bookingsPaid",
      (SELECT count(*) FROM invoices WHERE "orgId" = ${orgId}::uuid) AS "invoiceCount"`;
  return row;
}

let zara: Person; // erased: account, orders (one as a guest), booking, file, note
let otto: Person; // another customer of the same org: untouched
let mira: Person; // also a member of acme: erased in demo only
let tess: Person; // her file's first delete fails
let zaraOrders: Awaited<ReturnType<typeof footprint>>[] = [];
let zaraMarket: Awaited<ReturnType<typeof marketplaceFootprint>>;
let ottoOrder: Awaited<ReturnType<typeof footprint>>;
let ottoMarket: Awaited<ReturnType<typeof marketplaceFootprint>>;

beforeAll(async () => {
  demoId = c.sessions.admin.orgId;
  acmeId = c.sessions.acmeAdmin.orgId;
  zara = await person('Zara');
  otto = await person('Otto');
  mira = await person('Mira', { demo: 'CUSTOMER', acme: 'CUSTOMER' });
  tess = await person('Tess');
  zaraOrders = [
    await footprint(demoId, zara),
    // A guest checkout with the same email (another casing): hers too.
    await footprint(demoId, zara, { guestEmail: zara.email.toUpperCase() }),
  ];
  zaraMarket = await marketplaceFootprint(demoId, zara);
  ottoOrder = await footprint(demoId, otto);
  ottoMarket = await marketplaceFootprint(demoId, otto);
  await footprint(demoId, mira);
  await marketplaceFootprint(demoId, mira);
  await footprint(acmeId, mira);
  await marketplaceFootprint(demoId, tess);
});

describe('privacy.exportPersonalData', () => {
  it('holds the person’s account, orders, invoices, payments, bookings and files', async () => {
    const { bundle, requestId } = await c.admin.privacy.exportPersonalData({ email: zara.email });
    expect(bundle.subject).toMatchObject({ email: zara.email, userId: zara.id, name: zara.name });
    expect(bundle.account?.user.email).toBe(zara.email);
    expect(bundle.account?.membership?.role).toBe('CUSTOMER');
    expect(bundle.orders.map((o) => o.id).sort()).toEqual(zaraOrders.map((o) => o.order.id).sort());
    expect(bundle.orders[0]!.items[0]!.configuration).toMatchObject({
      customFields: [{ label: 'Contact' }],
    });
    expect(bundle.invoices.map((i) => i.id).sort()).toEqual(
      zaraOrders.map((o) => o.invoice.id).sort(),
    );
    expect(bundle.invoices[0]).toMatchObject({ totalCents: 10_825, taxCents: 825 });
    expect(bundle.payments.map((p) => p.id).sort()).toEqual(
      zaraOrders.map((o) => o.payment.id).sort(),
    );
    expect(bundle.bookings.map((b) => b.id)).toEqual([zaraMarket.booking.id]);
    expect(bundle.bookings[0]!.payments.map((p) => p.id)).toEqual([zaraMarket.bookingPayment.id]);
    expect(bundle.files).toEqual([
      expect.objectContaining({
        id: zaraMarket.upload.id,
        fileName: `${zara.name} garden.png`,
        contentType: 'image/png',
        sizeBytes: 68,
      }),
    ]);
    expect(bundle.notes).toHaveLength(1);
    expect(bundle.preferences?.orderUpdates).toBe(false);

    const text = JSON.stringify(bundle);
    // Nothing of anyone else.
    for (const other of [otto, mira, tess]) {
      expect(text).not.toContain(other.email);
      expect(text).not.toContain(other.id);
      expect(text).not.toContain(other.name);
    }
    for (const id of [ottoOrder.order.id, ottoOrder.invoice.id, ottoMarket.booking.id]) {
      expect(text).not.toContain(id);
    }
    // Metadata only: no storage key, signed URL, checkout URL, client secret or password hash.
    expect(text).not.toContain(zaraMarket.upload.key);
    expect(text).not.toContain('uploads/');
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toContain('_secret_');
    expect(text).not.toContain('passwordHash');

    const request = await testDb.ownerDb.dataRequest.findUniqueOrThrow({
      where: { id: requestId },
    });
    expect(request).toMatchObject({
      kind: 'export',
      status: 'completed',
      subjectEmail: zara.email,
    });
    const audit = await testDb.ownerDb.auditLog.findFirst({
      where: { action: 'privacy.exported', entityId: requestId },
    });
    expect(audit?.actorEmail).toBe('admin@souk.test');
    expect(JSON.stringify(audit?.after)).not.toContain(zara.email);
  });

  it('finds the same person by customer id', async () => {
    const { bundle } = await c.admin.privacy.exportPersonalData({ customerId: zara.id });
    expect(bundle.orders).toHaveLength(2);
  });

  it('answers in words next to the field for a bad or unknown email', async () => {
    const bad = await errorOf(c.admin.privacy.exportPersonalData({ email: 'not-an-email' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(bad.cause)?.email?.[0]).toMatch(/email address/i);
    const nul = await errorOf(c.admin.privacy.requestDeletion({ email: 'a\u0000@b.test' }));
    expect(nul.code).toBe('BAD_REQUEST');
    const unknown = await errorOf(
      c.admin.privacy.exportPersonalData({ email: `nobody-${tag}@example.test` }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
    expect(fieldErrorsOf(unknown.cause)?.email?.[0]).toMatch(/no one with this email/i);
    // A user of another org only is nobody here.
    const acmeOnly = await person('Ada', { acme: 'CUSTOMER' });
    expect(await codeOf(c.admin.privacy.exportPersonalData({ email: acmeOnly.email }))).toBe(
      'NOT_FOUND',
    );
  });

  it('is for owners and admins only', async () => {
    const finance = callerAs(testDb.db, await sessionFor(testDb.db, 'finance@souk.test'));
    const owner = callerAs(testDb.db, await sessionFor(testDb.db, 'owner@souk.test'));
    for (const caller of [c.viewer, finance, c.customer]) {
      expect(await codeOf(caller.privacy.exportPersonalData({ email: zara.email }))).toBe(
        'FORBIDDEN',
      );
      expect(await codeOf(caller.privacy.requestDeletion({ email: zara.email }))).toBe('FORBIDDEN');
      expect(await codeOf(caller.privacy.listDataRequests({}))).toBe('FORBIDDEN');
      expect(await codeOf(caller.privacy.runRetentionCleanup())).toBe('FORBIDDEN');
    }
    expect(await codeOf(owner.privacy.listDataRequests({}))).toBe('OK');
  });
});

describe('privacy.requestDeletion and retention cleanup', () => {
  it('records one pending request however often it is asked', async () => {
    const first = await c.admin.privacy.requestDeletion({ email: zara.email });
    const second = await c.admin.privacy.requestDeletion({ email: zara.email.toUpperCase() });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.request.id).toBe(first.request.id);
    expect(first.matched).toEqual({ account: true, orders: 2 });
    const pending = await testDb.ownerDb.dataRequest.count({
      where: { orgId: demoId, kind: 'deletion', status: 'pending', subjectEmail: zara.email },
    });
    expect(pending).toBe(1);
    const membership = await testDb.ownerDb.membership.findFirstOrThrow({
      where: { orgId: demoId, userId: zara.id },
    });
    expect(membership.deletionRequestedAt).not.toBeNull();
    const list = await c.admin.privacy.listDataRequests({ kind: 'deletion', status: 'pending' });
    expect(list.items.map((r) => r.id)).toContain(first.request.id);
    // Scoped to the caller's org: acme sees none of it.
    const acme = await c.acmeAdmin.privacy.listDataRequests({});
    expect(acme.items.map((r) => r.id)).not.toContain(first.request.id);
  });

  it('erases the person everywhere and keeps the accounting totals', async () => {
    await c.admin.privacy.requestDeletion({ email: mira.email });
    const before = await accountingTotals(demoId);
    const ottoBefore = await mentions(otto.email, demoId);
    const ottoNameBefore = await mentions(otto.name, demoId);
    // The scan sees what is there: Zara's email, name and phone are in many tables now.
    expect(Object.keys(await mentions(zara.phone)).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(ottoBefore).length).toBeGreaterThanOrEqual(4);
    // Zara's file is really on disk.
    const root = uploadSettingsFromEnv().localRoot;
    const file = path.join(root, zaraMarket.upload.key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'png bytes');

    const run = await c.admin.privacy.runRetentionCleanup();
    expect(run.requestsCompleted).toBe(2);
    expect(run.filesDeleted).toBe(2);
    expect(run.filesTombstoned).toBe(0);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });

    // No trace of Zara in any table at all.
    for (const needle of [zara.email, zara.name, zara.phone]) {
      expect(await mentions(needle)).toEqual({});
    }
    // Mira is still Acme's customer: her account stays, nothing of hers is left in demo.
    for (const needle of [mira.email, mira.name, mira.phone]) {
      expect(await mentions(needle, demoId)).toEqual({});
    }
    const miraUser = await testDb.ownerDb.user.findUniqueOrThrow({ where: { id: mira.id } });
    expect(miraUser).toMatchObject({ email: mira.email, anonymizedAt: null });
    expect(await mentions(mira.email, acmeId)).not.toEqual({});
    expect(
      await testDb.ownerDb.booking.count({ where: { orgId: demoId, organizerId: mira.id } }),
    ).toBe(0);

    const zaraUser = await testDb.ownerDb.user.findUniqueOrThrow({ where: { id: zara.id } });
    expect(zaraUser).toMatchObject({
      email: `erased+${zara.id}@invalid`,
      name: null,
      passwordHash: null,
    });
    expect(zaraUser.anonymizedAt).not.toBeNull();
    expect(zaraUser.disabledAt).not.toBeNull();
    expect(await testDb.ownerDb.membership.count({ where: { userId: zara.id } })).toBe(0);

    // Accounting is untouched; so is everyone else.
    expect(await accountingTotals(demoId)).toEqual(before);
    expect(await mentions(otto.email, demoId)).toEqual(ottoBefore);
    expect(await mentions(otto.name, demoId)).toEqual(ottoNameBefore);
    const ottoUpload = await testDb.ownerDb.upload.findUniqueOrThrow({
      where: { id: ottoMarket.upload.id },
    });
    expect(ottoUpload).toMatchObject({ status: 'stored', bookingId: ottoMarket.booking.id });

    // Her file is deleted and detached; her booking keeps its money but lost its text.
    const upload = await testDb.ownerDb.upload.findUniqueOrThrow({
      where: { id: zaraMarket.upload.id },
    });
    expect(upload).toMatchObject({ status: 'deleted', bookingId: null, deleteAttempts: 1 });
    expect(upload.deletedAt).not.toBeNull();
    const booking = await testDb.ownerDb.booking.findUniqueOrThrow({
      where: { id: zaraMarket.booking.id },
    });
    expect(booking).toMatchObject({ locationText: '', notes: '', amountPaidCents: 15_000 });
    // Her pending receipt is not sent to anyone.
    const messages = await testDb.ownerDb.outboxEvent.findMany({
      where: { orgId: demoId, recipient: { startsWith: 'erased+' } },
    });
    expect(messages.length).toBeGreaterThanOrEqual(2);
    expect(messages.every((m) => m.status === 'dead')).toBe(true);

    // Resume links to her orders are void.
    const session = await testDb.ownerDb.hostedCheckoutSession.findUniqueOrThrow({
      where: { id: zaraOrders[0]!.session.id },
    });
    expect(session.linksVoidedAt).not.toBeNull();
    const scope = createOrgScope({ db: testDb.db, orgId: demoId });
    await expect(
      resumeCheckout({ scope, token: resumeToken(zaraOrders[0]!.order.id) }),
    ).rejects.toThrow(/not valid/);

    // The requests are completed with counts, and audited without personal data.
    const requests = await c.admin.privacy.listDataRequests({ kind: 'deletion' });
    const done = requests.items.filter((r) => run.requests.some((x) => x.id === r.id));
    expect(done.map((r) => r.status)).toEqual(['completed', 'completed']);
    const erased = await testDb.ownerDb.auditLog.findMany({
      where: { orgId: demoId, action: 'privacy.erased' },
    });
    expect(erased).toHaveLength(2);
    expect(erased[0]!.actorEmail).toBe('admin@souk.test');
  });

  it('tombstones a file whose delete fails and deletes it on a later run', async () => {
    await c.admin.privacy.requestDeletion({ email: tess.email });
    const scope = createOrgScope({ db: testDb.db, orgId: demoId });
    const settings = { graceDays: 0, maxDeleteAttempts: 3 };
    const removed: string[] = [];
    const failing = storageWith(() => Promise.reject(new Error('storage is down')));
    const working = storageWith((key) => {
      removed.push(key);
      return Promise.resolve();
    });
    const uploadId = (await testDb.ownerDb.upload.findFirstOrThrow({ where: { ownerId: tess.id } }))
      .id;
    const originalKey = (await testDb.ownerDb.upload.findUniqueOrThrow({ where: { id: uploadId } }))
      .key;

    const first = await runRetentionCleanup({ scope, settings, storageOf: failing });
    expect(first).toMatchObject({ requestsCompleted: 1, filesTombstoned: 1, filesDeleted: 0 });
    const tombstoned = await testDb.ownerDb.upload.findUniqueOrThrow({ where: { id: uploadId } });
    expect(tombstoned).toMatchObject({ status: 'tombstoned', deleteAttempts: 1, deletedAt: null });
    // The person is erased even so.
    for (const needle of [tess.email, tess.name, tess.phone]) {
      expect(await mentions(needle)).toEqual({});
    }

    const second = await runRetentionCleanup({ scope, settings, storageOf: working });
    expect(second).toMatchObject({ requestsCompleted: 0, filesRetried: 1 });
    expect(removed).toEqual([originalKey]);
    const deleted = await testDb.ownerDb.upload.findUniqueOrThrow({ where: { id: uploadId } });
    expect(deleted).toMatchObject({ status: 'deleted', deleteAttempts: 2 });
    expect(deleted.key).not.toContain(tess.id);
  });

  it('stops retrying after the configured attempts', async () => {
    const p = await person('Ivo');
    const { upload } = await marketplaceFootprint(demoId, p);
    await c.admin.privacy.requestDeletion({ email: p.email });
    const scope = createOrgScope({ db: testDb.db, orgId: demoId });
    const settings = { graceDays: 0, maxDeleteAttempts: 2 };
    const failing = storageWith(() => Promise.reject(new Error('storage is down')));
    await runRetentionCleanup({ scope, settings, storageOf: failing });
    await runRetentionCleanup({ scope, settings, storageOf: failing });
    const third = await runRetentionCleanup({ scope, settings, storageOf: failing });
    const row = await testDb.ownerDb.upload.findUniqueOrThrow({ where: { id: upload.id } });
    expect(row).toMatchObject({ status: 'tombstoned', deleteAttempts: 2 });
    expect(third.filesGivenUp).toBeGreaterThanOrEqual(1);
  });

  it('waits for the grace period', async () => {
    const p = await person('Gus');
    await c.admin.privacy.requestDeletion({ email: p.email });
    const scope = createOrgScope({ db: testDb.db, orgId: demoId });
    const waiting = await runRetentionCleanup({
      scope,
      settings: { graceDays: 30, maxDeleteAttempts: 10 },
    });
    expect(waiting.requestsCompleted).toBe(0);
    const later = await runRetentionCleanup({
      scope,
      now: new Date(Date.now() + 31 * 86_400_000),
      settings: { graceDays: 30, maxDeleteAttempts: 10 },
    });
    expect(later.requestsCompleted).toBe(1);
    // A new request after an erasure is a new one (the old one is completed).
    const again = await c.admin.privacy.requestDeletion({ email: p.email });
    expect(again.created).toBe(true);
  });

  it('leaves the catalogue and words that only contain the name alone', async () => {
    const rose = await person('Rose');
    const other = await person('Olive');
    const product = await owner().product.create({
      data: {
        orgId: demoId,
        slug: `bouquet-${tag}`,
        name: `${rose.name} Bouquet`,
        basePriceCents: 4_500,
        currency: 'USD',
      },
    });
    // About someone else, with Rose's name only inside a longer word.
    const note = await owner().customerNote.create({
      data: { orgId: demoId, customerId: other.id, body: `Prefers ${rose.name}wood frames` },
    });
    await c.admin.privacy.requestDeletion({ email: rose.email });
    await runRetentionCleanup({
      scope: createOrgScope({ db: testDb.db, orgId: demoId }),
      settings: { graceDays: 0, maxDeleteAttempts: 10 },
    });
    expect(await owner().user.findUniqueOrThrow({ where: { id: rose.id } })).toMatchObject({
      email: `erased+${rose.id}@invalid`,
    });
    expect(await owner().product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      name: `${rose.name} Bouquet`,
    });
    expect(await owner().customerNote.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({
      body: `Prefers ${rose.name}wood frames`,
    });
  });
});
