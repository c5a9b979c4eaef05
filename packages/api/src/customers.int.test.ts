// The admin's customers on a real database: who counts as a customer of an org, what they
// bought and are worth, notes staff keep on them, and that no other org's people show.
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrgScope } from '@souk/core';
import { listExportNamed } from '@souk/core/export';
import type { InvoiceStatus, OrderStatus, Role } from '@souk/db';
import { fieldErrorsOf } from './errors';
import { seededDatabaseForFile } from './test/seeded-database';
import { codeOf, errorOf } from './test/trpc-errors';

const { testDb, c } = seededDatabaseForFile();
const tag = `cust${crypto.randomUUID().slice(0, 8)}`;
let demoId = '';
let acmeId = '';

interface Person {
  id: string;
  email: string;
}

async function person(name: string, roles: Partial<Record<'demo' | 'acme', Role>> = {}) {
  const email = `${name.toLowerCase()}-${tag}@example.test`;
  const user = await testDb.ownerDb.user.create({
    data: { email, name: `${name} ${tag.toUpperCase()}` },
  });
  for (const [org, role] of Object.entries(roles) as ['demo' | 'acme', Role][]) {
    await testDb.ownerDb.membership.create({
      data: { orgId: org === 'demo' ? demoId : acmeId, userId: user.id, role },
    });
  }
  return { id: user.id, email };
}

/** An order with its invoice, as checkout and the payment events leave them. */
async function order(
  orgId: string,
  customer: Person,
  totalCents: number,
  paid: { status: InvoiceStatus; paidCents: number; refundedCents?: number },
  createdAt = new Date(),
) {
  const status: OrderStatus = paid.status === 'open' ? 'pending_payment' : 'paid';
  return testDb.ownerDb.order.create({
    data: {
      orgId,
      customerId: customer.id,
      customerEmail: customer.email,
      status,
      currency: 'USD',
      subtotalCents: totalCents,
      taxCents: 0,
      totalCents,
      createdAt,
      invoice: {
        create: {
          orgId,
          status: paid.status,
          currency: 'USD',
          subtotalCents: totalCents,
          taxableSubtotalCents: totalCents,
          taxCents: 0,
          taxRateBasis: 0,
          totalCents,
          amountPaidCents: paid.paidCents,
          amountRefundedCents: paid.refundedCents ?? 0,
        },
      },
    },
  });
}

const booking = (orgId: string, organizer: Person) =>
  testDb.ownerDb.booking.create({
    data: { orgId, organizerId: organizer.id, currency: 'USD', status: 'draft' },
  });

let alice: Person; // demo customer: several orders, one of them in acme too
let bob: Person; // no membership: one paid order and a booking
let dave: Person; // a vendor who booked: a customer through the booking
let carol: Person; // a vendor only: not a customer
let eve: Person; // acme's customer

// Worked out from the rows below, not from the query under test.
const ALICE_VALUE = 5000 + (3000 - 1000) + (1500 - 1500); // the open invoice counts nothing
const BOB_VALUE = 4000;

beforeAll(async () => {
  demoId = c.sessions.admin.orgId;
  acmeId = c.sessions.acmeAdmin.orgId;
  alice = await person('Alice', { demo: 'CUSTOMER', acme: 'CUSTOMER' });
  bob = await person('Bob');
  dave = await person('Dave', { demo: 'VENDOR' });
  carol = await person('Carol', { demo: 'VENDOR' });
  eve = await person('Eve', { acme: 'CUSTOMER' });

  const day = (d: number) => new Date(Date.UTC(2026, 10, d));
  await order(demoId, alice, 5000, { status: 'paid', paidCents: 5000 }, day(1));
  await order(
    demoId,
    alice,
    3000,
    { status: 'paid', paidCents: 3000, refundedCents: 1000 },
    day(2),
  );
  await order(
    demoId,
    alice,
    1500,
    { status: 'refunded', paidCents: 1500, refundedCents: 1500 },
    day(3),
  );
  await order(demoId, alice, 2000, { status: 'open', paidCents: 0 }, day(4));
  await order(acmeId, alice, 8888, { status: 'paid', paidCents: 8888 }, day(5));
  await order(demoId, bob, 4000, { status: 'paid', paidCents: 4000 }, day(6));
  await booking(demoId, bob);
  await booking(demoId, dave);
  await order(acmeId, eve, 9999, { status: 'paid', paidCents: 9999 }, day(7));
  await testDb.ownerDb.customerPreference.create({
    data: { orgId: demoId, userId: alice.id, orderUpdates: false },
  });
});

/** The org's customers worked out independently: CUSTOMER members, buyers and bookers. */
async function expectedCustomerIds(orgId: string): Promise<string[]> {
  const db = testDb.ownerDb;
  const members = await db.membership.findMany({ where: { orgId, role: 'CUSTOMER' } });
  const orders = await db.order.findMany({ where: { orgId, customerId: { not: null } } });
  const bookings = await db.booking.findMany({ where: { orgId } });
  return [
    ...new Set([
      ...members.map((m) => m.userId),
      ...orders.map((o) => o.customerId!),
      ...bookings.map((b) => b.organizerId),
    ]),
  ].sort();
}

describe('customers.listCustomers', () => {
  it("lists exactly the org's customers with their orders, bookings and lifetime value", async () => {
    const list = await c.admin.customers.listCustomers({ pageSize: 100 });
    const expected = await expectedCustomerIds(demoId);
    expect(list.total).toBe(expected.length);
    expect(list.items.map((i) => i.id).sort()).toEqual(expected);
    expect(list.items.map((i) => i.id)).not.toContain(carol.id);
    expect(list.items.map((i) => i.id)).not.toContain(eve.id);

    const row = (p: Person) => list.items.find((i) => i.id === p.id);
    expect(row(alice)).toMatchObject({
      email: alice.email,
      name: `Alice ${tag.toUpperCase()}`,
      role: 'CUSTOMER',
      ordersCount: 4,
      bookingsCount: 0,
      lifetimeValueCents: ALICE_VALUE,
      currency: 'USD',
      lastOrderAt: new Date(Date.UTC(2026, 10, 4)),
    });
    expect(row(bob)).toMatchObject({
      role: null,
      ordersCount: 1,
      bookingsCount: 1,
      lifetimeValueCents: BOB_VALUE,
    });
    expect(row(dave)).toMatchObject({
      role: 'VENDOR',
      ordersCount: 0,
      bookingsCount: 1,
      lifetimeValueCents: 0,
      lastOrderAt: null,
    });
  });

  it('searches by email or name, and sorts by lifetime value', async () => {
    const byEmail = await c.admin.customers.listCustomers({ search: `bob-${tag}@` });
    expect(byEmail.items.map((i) => i.id)).toEqual([bob.id]);
    expect(byEmail.total).toBe(1);

    const byName = await c.admin.customers.listCustomers({ search: `alice ${tag}` });
    expect(byName.items.map((i) => i.id)).toEqual([alice.id]);

    const ranked = await c.admin.customers.listCustomers({
      search: tag,
      sort: 'lifetimeValueCents',
      order: 'desc',
    });
    expect(ranked.items.map((i) => i.id)).toEqual([alice.id, bob.id, dave.id]);
    const byNameAsc = await c.admin.customers.listCustomers({
      search: tag,
      sort: 'name',
      order: 'asc',
    });
    expect(byNameAsc.items.map((i) => i.id)).toEqual([alice.id, bob.id, dave.id]);
  });

  it('pages without overlap, and counts the list past its last page', async () => {
    const first = await c.admin.customers.listCustomers({ search: tag, pageSize: 2 });
    const second = await c.admin.customers.listCustomers({ search: tag, pageSize: 2, page: 2 });
    expect(first.total).toBe(3);
    expect([...first.items, ...second.items].map((i) => i.id).sort()).toEqual(
      [alice.id, bob.id, dave.id].sort(),
    );
    const past = await c.admin.customers.listCustomers({ search: tag, pageSize: 2, page: 9 });
    expect(past).toMatchObject({ items: [], total: 3, page: 9 });
  });

  it("another org sees its own customers and never this org's", async () => {
    const acme = await c.acmeAdmin.customers.listCustomers({ search: tag });
    expect(acme.items.map((i) => i.id).sort()).toEqual([alice.id, eve.id].sort());
    // Alice's acme order is acme's; in demo her value leaves it out (checked above).
    expect(acme.items.find((i) => i.id === alice.id)?.lifetimeValueCents).toBe(8888);
  });
});

describe('customers.getCustomer', () => {
  it('shows identity, value, orders, bookings and preferences of this org only', async () => {
    const profile = await c.admin.customers.getCustomer({ id: alice.id });
    expect(profile).toMatchObject({
      email: alice.email,
      role: 'CUSTOMER',
      lifetimeValueCents: ALICE_VALUE,
      preferences: { orderUpdates: false },
      bookings: [],
    });
    expect(profile.orders.map((o) => [o.totalCents, o.status])).toEqual([
      [2000, 'pending_payment'],
      [1500, 'paid'],
      [3000, 'paid'],
      [5000, 'paid'],
    ]);
    const bobProfile = await c.admin.customers.getCustomer({ id: bob.id });
    expect(bobProfile.bookings).toHaveLength(1);
    expect(bobProfile.preferences).toEqual({ orderUpdates: true });
  });

  it("answers NOT_FOUND for another org's customer, a vendor only, or nobody", async () => {
    expect(await codeOf(c.admin.customers.getCustomer({ id: eve.id }))).toBe('NOT_FOUND');
    expect(await codeOf(c.admin.customers.getCustomer({ id: carol.id }))).toBe('NOT_FOUND');
    expect(await codeOf(c.admin.customers.getCustomer({ id: crypto.randomUUID() }))).toBe(
      'NOT_FOUND',
    );
    const missing = await errorOf(c.admin.customers.getCustomer({ id: eve.id }));
    expect(missing.message).toBe('Customer not found');
    expect((await c.acmeAdmin.customers.getCustomer({ id: eve.id })).email).toBe(eve.email);
  });

  it('refuses people without customers.read', async () => {
    expect(await codeOf(c.customer.customers.listCustomers({}))).toBe('FORBIDDEN');
    expect(await codeOf(c.anonymous.customers.getCustomer({ id: alice.id }))).toBe('UNAUTHORIZED');
  });
});

describe('customers.addNote', () => {
  const notesOf = (customerId: string) =>
    testDb.ownerDb.customerNote.findMany({ where: { customerId }, orderBy: { createdAt: 'asc' } });

  it('a viewer can read customers but cannot add a note', async () => {
    expect((await c.viewer.customers.getCustomer({ id: bob.id })).email).toBe(bob.email);
    expect((await c.viewer.customers.listCustomers({ search: tag })).total).toBe(3);
    const refused = await errorOf(
      c.viewer.customers.addNote({ customerId: bob.id, body: 'Prefers phone calls' }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(await notesOf(bob.id)).toEqual([]);
  });

  it('writes the note and its audit row; the profile shows notes newest first', async () => {
    const first = await c.admin.customers.addNote({ customerId: bob.id, body: '  First call  ' });
    const second = await c.admin.customers.addNote({ customerId: bob.id, body: 'Second call' });
    expect(first.body).toBe('First call');
    expect(first.author).toEqual({ name: expect.any(String) as string, email: 'admin@souk.test' });

    const rows = await notesOf(bob.id);
    expect(rows.map((n) => [n.body, n.orgId, n.authorId])).toEqual([
      ['First call', demoId, c.sessions.admin.user.id],
      ['Second call', demoId, c.sessions.admin.user.id],
    ]);
    const audit = await testDb.ownerDb.auditLog.findMany({
      where: { action: 'customer.note_added', entityId: bob.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((a) => [a.orgId, a.actorEmail, a.entityType, a.after])).toEqual([
      [demoId, 'admin@souk.test', 'customer', { noteId: first.id, body: 'First call' }],
      [demoId, 'admin@souk.test', 'customer', { noteId: second.id, body: 'Second call' }],
    ]);

    const profile = await c.admin.customers.getCustomer({ id: bob.id });
    expect(profile.notes.map((n) => n.body)).toEqual(['Second call', 'First call']);
    expect(profile.notesCount).toBe(2);
  });

  it('refuses an empty or too long note in words, beside the field, writing nothing', async () => {
    for (const [body, message] of [
      ['', 'Note is required'],
      ['   ', 'Note is required'],
      ['x'.repeat(5001), 'Note is at most 5000 characters'],
    ] as const) {
      const refused = await errorOf(c.admin.customers.addNote({ customerId: dave.id, body }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(fieldErrorsOf(refused.cause)).toEqual({ body: [message] });
    }
    expect(await notesOf(dave.id)).toEqual([]);
    const longest = await c.admin.customers.addNote({
      customerId: dave.id,
      body: 'y'.repeat(5000),
    });
    expect(longest.body).toHaveLength(5000);
  });

  it("refuses a note on another org's customer as not found, writing nothing", async () => {
    expect(await codeOf(c.admin.customers.addNote({ customerId: eve.id, body: 'Hello' }))).toBe(
      'NOT_FOUND',
    );
    expect(await notesOf(eve.id)).toEqual([]);
    expect(
      await testDb.ownerDb.auditLog.count({
        where: { action: 'customer.note_added', entityId: eve.id },
      }),
    ).toBe(0);
  });
});

describe('customers CSV export', () => {
  async function exportRows(orgId: string, filters: Record<string, string> = {}) {
    const stream = listExportNamed('customers')!.open({
      scope: createOrgScope({ db: testDb.db, orgId }),
      filters,
      batchSize: 2,
    });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      await new Response(stream).arrayBuffer(),
    );
    // The fixtures hold no quotes, commas or line breaks, so a split reads them.
    return text
      .slice(1)
      .split('\r\n')
      .filter((line) => line !== '')
      .map((line) => line.split(','));
  }

  it("holds every customer of the org, page by page, and none of another org's", async () => {
    const [header, ...rows] = await exportRows(demoId);
    expect(header).toEqual([
      'Name',
      'Email',
      'Role',
      'Customer since',
      'Orders',
      'Bookings',
      'Lifetime value',
      'Currency',
      'Last order at',
      'Customer ID',
    ]);
    const ids = rows.map((r) => r[9]!);
    expect([...ids].sort()).toEqual(await expectedCustomerIds(demoId));
    expect(ids).not.toContain(eve.id);
    expect(rows.find((r) => r[9] === alice.id)).toEqual([
      `Alice ${tag.toUpperCase()}`,
      alice.email,
      'CUSTOMER',
      expect.any(String),
      '4',
      '0',
      (ALICE_VALUE / 100).toFixed(2),
      'USD',
      '2026-11-04T00:00:00.000Z',
      alice.id,
    ]);
  });

  it('applies the search filter', async () => {
    const [, ...rows] = await exportRows(demoId, { search: tag });
    expect(rows.map((r) => r[9]).sort()).toEqual([alice.id, bob.id, dave.id].sort());
    const [, ...acme] = await exportRows(acmeId, { search: tag });
    expect(acme.map((r) => r[9]).sort()).toEqual([alice.id, eve.id].sort());
  });
});
