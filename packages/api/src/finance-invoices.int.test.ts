// Spec 002 invoices for finance: the list and the invoice page, the mismatch report, the
// reconcile action, the invoices queue, recalculate_totals and the overdue sweep, through
// tRPC on a real database. Invoices are written as checkout and the processor's events
// would have left them (test/invoices.ts), so every status and payment mix is at hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { markOverdueInvoices } from '@souk/core';
import { withOrg } from '@souk/db';
import { callerAs, sessionFor, type Caller } from './test/harness';
import { issueInvoice, type InvoiceSeed } from './test/invoices';
import { seededDatabaseForFile } from './test/seeded-database';
import { codeOf, errorOf } from './test/trpc-errors';

const { testDb, c } = seededDatabaseForFile();
let finance: Caller;
let dispatcher: Caller;
let orgId = '';
let acmeOrgId = '';

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

const issue = (seed: Omit<InvoiceSeed, 'orgId'> & { orgId?: string }) =>
  issueInvoice(testDb.ownerDb, { orgId, ...seed });

const audits = (entityId: string, action = 'invoice.reconciled') =>
  testDb.ownerDb.auditLog.findMany({ where: { entityId, action }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  finance = callerAs(testDb.db, await sessionFor(testDb.db, 'finance@souk.test'));
  dispatcher = callerAs(testDb.db, await sessionFor(testDb.db, 'dispatcher@souk.test'));
  orgId = c.sessions.admin.orgId;
  acmeOrgId = c.sessions.acmeAdmin.orgId;
});

describe('finance.listInvoices and finance.getInvoice', () => {
  it('filters by status, issue dates and a number or email, and shows only the org’s own', async () => {
    const email = `list-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const old = await issue({ email, issuedAt: new Date('2026-03-10T10:00:00Z') });
    const paid = await issue({
      email,
      status: 'paid',
      issuedAt: new Date('2026-04-02T10:00:00Z'),
      payments: [{ amountCents: 10_000, status: 'succeeded' }],
    });
    const acme = await issue({ orgId: acmeOrgId, email });

    const byEmail = await finance.finance.listInvoices({ search: email.toUpperCase() });
    expect(byEmail.items.map((i) => i.id)).toEqual([paid.invoice.id, old.invoice.id]);
    expect(byEmail.items[0]).toMatchObject({
      number: paid.invoice.number,
      status: 'paid',
      totalCents: 10_000,
      amountPaidCents: 10_000,
      outstandingCents: 0,
      orderNumber: paid.order.number,
      customerEmail: email,
    });
    expect(byEmail.items[1]).toMatchObject({ status: 'open', outstandingCents: 10_000 });

    const byNumber = await finance.finance.listInvoices({ search: `#${old.invoice.number}` });
    expect(byNumber.items.map((i) => i.id)).toEqual([old.invoice.id]);
    const byStatus = await finance.finance.listInvoices({ search: email, status: 'paid' });
    expect(byStatus.items.map((i) => i.id)).toEqual([paid.invoice.id]);
    const april = await finance.finance.listInvoices({
      search: email,
      from: '2026-04-01',
      to: '2026-04-30',
    });
    expect(april.items.map((i) => i.id)).toEqual([paid.invoice.id]);
    const oldestFirst = await finance.finance.listInvoices({ search: email, order: 'asc' });
    expect(oldestFirst.items.map((i) => i.id)).toEqual([old.invoice.id, paid.invoice.id]);

    const acmeList = await c.acmeAdmin.finance.listInvoices({ search: email });
    expect(acmeList.items.map((i) => i.id)).toEqual([acme.invoice.id]);
  });

  it('shows the tax snapshot, lines, payments, refunds, the order and the invoice’s timeline', async () => {
    const { invoice, order, payments } = await issue({
      status: 'paid',
      lines: [
        { totalCents: 8_000, taxRateBps: 1_000 },
        { totalCents: 2_000, taxRateBps: 0 },
      ],
      payments: [
        { amountCents: 5_000, status: 'failed', createdAt: new Date('2026-05-01T10:00:00Z') },
        {
          amountCents: 8_800,
          status: 'succeeded',
          refundedCents: 1_000,
          createdAt: new Date('2026-05-01T11:00:00Z'),
        },
      ],
    });
    await testDb.ownerDb.refund.create({
      data: {
        orgId,
        orderId: order.id,
        paymentId: payments[1]!.id,
        amountCents: 1_000,
        currency: 'USD',
        reason: 'Damaged item',
        status: 'succeeded',
        idempotencyKey: crypto.randomUUID(),
      },
    });
    await finance.finance.reconcileInvoice({ invoiceId: invoice.id });

    const page = await finance.finance.getInvoice({ invoiceId: invoice.id });
    expect(page).toMatchObject({
      number: invoice.number,
      status: 'partial',
      subtotalCents: 10_000,
      taxableSubtotalCents: 8_000,
      taxCents: 800,
      taxRateBps: 1_000,
      totalCents: 10_800,
      amountPaidCents: 8_800,
      amountRefundedCents: 1_000,
      outstandingCents: 2_000,
      order: { id: order.id, number: order.number },
    });
    expect(page.lineItems.map((l) => [l.description, l.totalCents, l.taxRateBps])).toEqual([
      ['Line 1', 8_000, 1_000],
      ['Line 2', 2_000, 0],
    ]);
    expect(page.payments.map((p) => [p.amountCents, p.status])).toEqual([
      [5_000, 'failed'],
      [8_800, 'succeeded'],
    ]);
    expect(page.refunds).toEqual([
      expect.objectContaining({ amountCents: 1_000, reason: 'Damaged item', status: 'succeeded' }),
    ]);
    // Marked paid but short of its total: the reconcile made it partly paid, and the
    // timeline says who did.
    expect(page.timeline).toEqual([
      expect.objectContaining({ action: 'invoice.reconciled', actorEmail: 'finance@souk.test' }),
    ]);
  });

  it('answers not found for another org’s invoice and refuses the viewer and the dispatcher', async () => {
    const acme = await issue({ orgId: acmeOrgId });
    expect(await codeOf(finance.finance.getInvoice({ invoiceId: acme.invoice.id }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(finance.finance.reconcileInvoice({ invoiceId: acme.invoice.id }))).toBe(
      'NOT_FOUND',
    );
    const mine = await issue({});
    for (const caller of [c.viewer, dispatcher]) {
      expect(await codeOf(caller.finance.listInvoices({}))).toBe('FORBIDDEN');
      expect(await codeOf(caller.finance.getInvoice({ invoiceId: mine.invoice.id }))).toBe(
        'FORBIDDEN',
      );
      expect(await codeOf(caller.finance.reconcileInvoice({ invoiceId: mine.invoice.id }))).toBe(
        'FORBIDDEN',
      );
      expect(await codeOf(caller.finance.listInvoiceMismatches({}))).toBe('FORBIDDEN');
      expect(await codeOf(caller.finance.listInvoiceQueue({}))).toBe('FORBIDDEN');
      expect(
        await codeOf(caller.finance.recalculateInvoiceTotals({ invoiceId: mine.invoice.id })),
      ).toBe('FORBIDDEN');
    }
    expect(await audits(mine.invoice.id)).toEqual([]);
  });
});

describe('finance.reconcileInvoice', () => {
  it('marks an open invoice paid when its settled payments cover it, and the order follows', async () => {
    const { invoice, order } = await issue({
      status: 'open',
      amountPaidCents: 0,
      payments: [
        { amountCents: 6_000, status: 'succeeded' },
        { amountCents: 4_000, status: 'succeeded' },
      ],
    });
    const result = await finance.finance.reconcileInvoice({ invoiceId: invoice.id });
    expect(result).toEqual({
      invoiceId: invoice.id,
      changed: true,
      before: { status: 'open', paidCents: 0, outstandingCents: 10_000, succeededPaymentCount: 2 },
      after: { status: 'paid', paidCents: 10_000, outstandingCents: 0, succeededPaymentCount: 2 },
    });
    const row = await testDb.ownerDb.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(row).toMatchObject({ status: 'paid', amountPaidCents: 10_000 });
    expect(row.paidAt).not.toBeNull();
    const paidOrder = await testDb.ownerDb.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(paidOrder.status).toBe('paid');
    // No payment was invented: the same two rows.
    expect(await testDb.ownerDb.payment.count({ where: { invoiceId: invoice.id } })).toBe(2);
  });

  it('says partly paid when some funds settled before the due date', async () => {
    const { invoice } = await issue({
      status: 'open',
      dueAt: daysFromNow(2),
      amountPaidCents: 0,
      payments: [{ amountCents: 2_500, status: 'succeeded' }],
    });
    const result = await finance.finance.reconcileInvoice({ invoiceId: invoice.id });
    expect(result.after).toEqual({
      status: 'partial',
      paidCents: 2_500,
      outstandingCents: 7_500,
      succeededPaymentCount: 1,
    });
  });

  it('reopens a paid invoice without settled funds, overdue once its due date has passed', async () => {
    const failedOnly = [{ amountCents: 10_000, status: 'failed' }];
    const notDue = await issue({
      status: 'paid',
      dueAt: daysFromNow(2),
      amountPaidCents: 10_000,
      payments: failedOnly,
    });
    const late = await issue({
      status: 'paid',
      dueAt: daysFromNow(-2),
      amountPaidCents: 10_000,
      payments: failedOnly,
    });
    const checkout = await issue({ status: 'paid', amountPaidCents: 10_000 });

    const reopened = await finance.finance.reconcileInvoice({ invoiceId: notDue.invoice.id });
    expect(reopened.before).toEqual({
      status: 'paid',
      paidCents: 10_000,
      outstandingCents: 0,
      succeededPaymentCount: 0,
    });
    expect(reopened.after).toEqual({
      status: 'open',
      paidCents: 0,
      outstandingCents: 10_000,
      succeededPaymentCount: 0,
    });
    const overdue = await finance.finance.reconcileInvoice({ invoiceId: late.invoice.id });
    expect(overdue.after.status).toBe('overdue');
    const noDueDate = await finance.finance.reconcileInvoice({ invoiceId: checkout.invoice.id });
    expect(noDueDate.after.status).toBe('open');

    const rows = await testDb.ownerDb.invoice.findMany({
      where: { id: { in: [notDue.invoice.id, late.invoice.id] } },
      select: { status: true, paidAt: true, amountPaidCents: true },
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        { status: 'open', paidAt: null, amountPaidCents: 0 },
        { status: 'overdue', paidAt: null, amountPaidCents: 0 },
      ]),
    );
    // Never invents processor records: still only the failed payment.
    expect(await testDb.ownerDb.payment.count({ where: { invoiceId: late.invoice.id } })).toBe(1);
  });

  it('is idempotent: a second call changes nothing and is audited with before equal to after', async () => {
    const { invoice } = await issue({
      status: 'paid',
      amountPaidCents: 10_000,
      payments: [{ amountCents: 4_000, status: 'succeeded' }],
    });
    const first = await finance.finance.reconcileInvoice({ invoiceId: invoice.id });
    expect(first.changed).toBe(true);
    expect(first.after.status).toBe('partial');
    const second = await finance.finance.reconcileInvoice({ invoiceId: invoice.id });
    expect(second).toEqual({
      invoiceId: invoice.id,
      changed: false,
      before: first.after,
      after: first.after,
    });

    const rows = await audits(invoice.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      actorEmail: 'finance@souk.test',
      entityType: 'invoice',
      before: { status: 'paid', paidCents: 10_000, outstandingCents: 0, succeededPaymentCount: 1 },
      after: {
        status: 'partial',
        paidCents: 4_000,
        outstandingCents: 6_000,
        succeededPaymentCount: 1,
      },
    });
    expect(rows[1]!.before).toEqual(rows[1]!.after);
    expect(await testDb.ownerDb.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
  });

  it('refuses a void invoice in words', async () => {
    const { invoice } = await issue({ status: 'void' });
    const error = await errorOf(finance.finance.reconcileInvoice({ invoiceId: invoice.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(`Invoice #${invoice.number} is void: there is nothing to reconcile`);
  });
});

describe('finance.listInvoiceMismatches', () => {
  it('finds each way status and settled payments disagree, with counts and the last payment', async () => {
    const at = (day: number) => new Date(Date.UTC(2026, 5, day, 9));
    const kinds = {
      paid_not_covered: await issue({
        status: 'paid',
        amountPaidCents: 3_000,
        payments: [{ amountCents: 3_000, status: 'succeeded', createdAt: at(3) }],
      }),
      unpaid_but_covered: await issue({
        status: 'overdue',
        dueAt: daysFromNow(-5),
        amountPaidCents: 10_000,
        payments: [
          { amountCents: 5_000, status: 'succeeded', createdAt: at(4) },
          { amountCents: 5_000, status: 'succeeded', createdAt: at(6) },
        ],
      }),
      open_with_funds: await issue({
        status: 'open',
        amountPaidCents: 1_000,
        payments: [{ amountCents: 1_000, status: 'succeeded', createdAt: at(2) }],
      }),
      partial_without_funds: await issue({
        status: 'partial',
        amountPaidCents: 0,
        payments: [{ amountCents: 2_000, status: 'failed', createdAt: at(7) }],
      }),
      partial_but_covered: await issue({
        status: 'partial',
        amountPaidCents: 10_000,
        payments: [{ amountCents: 10_000, status: 'succeeded', createdAt: at(8) }],
      }),
      paid_amount_differs: await issue({
        status: 'paid',
        amountPaidCents: 12_000,
        payments: [{ amountCents: 10_000, status: 'succeeded', createdAt: at(9) }],
      }),
    };
    const clean = [
      await issue({ status: 'open' }),
      await issue({
        status: 'paid',
        payments: [{ amountCents: 10_000, status: 'succeeded', createdAt: at(1) }],
      }),
      await issue({
        status: 'partial',
        payments: [{ amountCents: 4_000, status: 'succeeded', createdAt: at(1) }],
      }),
      await issue({ status: 'void' }),
    ];
    const mine = new Set([
      ...Object.values(kinds).map((k) => k.invoice.id),
      ...clean.map((k) => k.invoice.id),
    ]);

    const report = await finance.finance.listInvoiceMismatches({ pageSize: 100 });
    const found = new Map(
      report.items.filter((row) => mine.has(row.id)).map((row) => [row.id, row]),
    );
    expect(found.size).toBe(Object.keys(kinds).length);
    for (const [kind, { invoice }] of Object.entries(kinds)) {
      expect(found.get(invoice.id), kind).toMatchObject({
        kind,
        kindLabel: expect.any(String),
        reconcileHref: `/admin/invoices/${invoice.id}`,
      });
    }
    expect(found.get(kinds.unpaid_but_covered.invoice.id)).toMatchObject({
      status: 'overdue',
      settledCents: 10_000,
      paymentCount: 2,
      succeededPaymentCount: 2,
      lastPaymentAt: at(6),
    });
    expect(found.get(kinds.partial_without_funds.invoice.id)).toMatchObject({
      settledCents: 0,
      paymentCount: 1,
      succeededPaymentCount: 0,
      lastPaymentAt: at(7),
    });

    const all = await finance.finance.listInvoiceMismatches({ status: 'all', pageSize: 100 });
    const everything = all.items.filter((row) => mine.has(row.id));
    expect(everything).toHaveLength(mine.size);
    expect(
      everything
        .filter((row) => row.kind === null)
        .map((row) => row.id)
        .sort(),
    ).toEqual(clean.map((k) => k.invoice.id).sort());
    expect(all.total).toBeGreaterThan(report.total);

    // Reconciling clears each one off the report.
    for (const { invoice } of Object.values(kinds)) {
      await finance.finance.reconcileInvoice({ invoiceId: invoice.id });
    }
    const after = await finance.finance.listInvoiceMismatches({ pageSize: 100 });
    expect(after.items.filter((row) => mine.has(row.id))).toEqual([]);

    // The rival org sees none of them.
    const acme = await c.acmeAdmin.finance.listInvoiceMismatches({ status: 'all', pageSize: 100 });
    expect(acme.items.filter((row) => mine.has(row.id))).toEqual([]);
  });
});

describe('finance.listInvoiceQueue and the overdue sweep', () => {
  it('moves open and partly paid invoices past due to overdue, one audit row each', async () => {
    const pastDue = await issue({ status: 'open', dueAt: daysFromNow(-2) });
    const partPastDue = await issue({
      status: 'partial',
      dueAt: daysFromNow(-2),
      payments: [{ amountCents: 3_000, status: 'succeeded' }],
    });
    const notDue = await issue({ status: 'open', dueAt: daysFromNow(2) });
    const noDueDate = await issue({ status: 'open' });
    const paidPastDue = await issue({
      status: 'paid',
      dueAt: daysFromNow(-2),
      payments: [{ amountCents: 10_000, status: 'succeeded' }],
    });
    const acmePastDue = await issue({ orgId: acmeOrgId, status: 'open', dueAt: daysFromNow(-2) });

    const moved = await withOrg(testDb.db, orgId, (tx) =>
      markOverdueInvoices({ ctx: { tx, orgId, actor: null, requestId: null } }),
    );
    expect(moved).toBeGreaterThanOrEqual(2);
    const statusOf = async (id: string) =>
      (await testDb.ownerDb.invoice.findUniqueOrThrow({ where: { id } })).status;
    expect(await statusOf(pastDue.invoice.id)).toBe('overdue');
    expect(await statusOf(partPastDue.invoice.id)).toBe('overdue');
    expect(await statusOf(notDue.invoice.id)).toBe('open');
    expect(await statusOf(noDueDate.invoice.id)).toBe('open');
    expect(await statusOf(paidPastDue.invoice.id)).toBe('paid');
    expect(await statusOf(acmePastDue.invoice.id)).toBe('open');

    const trail = await audits(partPastDue.invoice.id, 'invoice.overdue');
    expect(trail).toEqual([
      expect.objectContaining({
        actorId: null,
        entityType: 'invoice',
        before: { status: 'partial' },
        after: expect.objectContaining({ status: 'overdue', paidCents: 3_000 }),
      }),
    ]);
    // A second sweep finds nothing more to move for these.
    await withOrg(testDb.db, orgId, (tx) =>
      markOverdueInvoices({ ctx: { tx, orgId, actor: null, requestId: null } }),
    );
    expect(await audits(partPastDue.invoice.id, 'invoice.overdue')).toHaveLength(1);

    const mine = new Set(
      [pastDue, partPastDue, notDue, noDueDate, paidPastDue].map((i) => i.invoice.id),
    );
    const ids = async (status: 'overdue' | 'unpaid' | 'all') =>
      (await finance.finance.listInvoiceQueue({ status, pageSize: 100 })).items
        .filter((row) => mine.has(row.id))
        .map((row) => row.id);
    expect((await ids('overdue')).sort()).toEqual(
      [pastDue.invoice.id, partPastDue.invoice.id].sort(),
    );
    // Not yet due, then without a due date.
    expect(await ids('unpaid')).toEqual([notDue.invoice.id, noDueDate.invoice.id]);
    expect(await ids('all')).toHaveLength(4);

    const queue = await finance.finance.listInvoiceQueue({ status: 'overdue', pageSize: 100 });
    expect(queue.items.find((row) => row.id === partPastDue.invoice.id)).toMatchObject({
      daysOverdue: 2,
      outstandingCents: 7_000,
    });
  });
});

describe('finance.recalculateInvoiceTotals', () => {
  it('refreshes an unpaid invoice’s snapshot from its edited items at their own rates', async () => {
    await testDb.ownerDb.organization.update({ where: { id: orgId }, data: { taxRateBps: 825 } });
    const { invoice } = await issue({
      status: 'open',
      lines: [
        { totalCents: 10_000, taxRateBps: 1_000 },
        { totalCents: 5_000, taxRateBps: 0 },
      ],
    });
    // An item was edited: 10,000 became 20,000 (still at its 10%).
    const [line] = await testDb.ownerDb.invoiceLineItem.findMany({
      where: { invoiceId: invoice.id, position: 0 },
    });
    await testDb.ownerDb.invoiceLineItem.update({
      where: { id: line!.id },
      data: { quantity: 2, totalCents: 20_000 },
    });

    const result = await finance.finance.recalculateInvoiceTotals({ invoiceId: invoice.id });
    expect(result.before).toEqual({
      subtotalCents: 15_000,
      taxableSubtotalCents: 10_000,
      taxCents: 1_000,
      taxRateBasis: 1_000,
      totalCents: 16_000,
    });
    // The org's 8.25% plays no part: each line keeps the rate it was issued at.
    expect(result.after).toEqual({
      subtotalCents: 25_000,
      taxableSubtotalCents: 20_000,
      taxCents: 2_000,
      taxRateBasis: 1_000,
      totalCents: 27_000,
    });
    const page = await finance.finance.getInvoice({ invoiceId: invoice.id });
    expect(page).toMatchObject({ totalCents: 27_000, taxCents: 2_000, outstandingCents: 27_000 });
    expect(page.timeline[0]).toMatchObject({
      action: 'invoice.totals_recalculated',
      before: result.before,
      after: result.after,
    });
  });

  it('refuses paid, partly paid, refunded and void invoices in words, changing nothing', async () => {
    for (const status of ['paid', 'partial', 'refunded', 'void'] as const) {
      const { invoice } = await issue({ status });
      const error = await errorOf(
        finance.finance.recalculateInvoiceTotals({ invoiceId: invoice.id }),
      );
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(
        new RegExp(`^Invoice #${invoice.number} is (paid|partly paid|refunded|void): only an open`),
      );
      const row = await testDb.ownerDb.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
      expect(row.totalCents).toBe(invoice.totalCents);
      expect(await audits(invoice.id, 'invoice.totals_recalculated')).toEqual([]);
    }
  });
});

describe('payments.listEvents (spec 002 "Stripe events view")', () => {
  it('filters by booking and by invoice and returns metadata, never the payload', async () => {
    const bookingId = crypto.randomUUID();
    const { invoice } = await issue({});
    const base = {
      orgId,
      type: 'payment_intent.succeeded',
      payload: { secret: 'raw-payload-must-not-leak' },
      eventCreatedAt: new Date(),
    };
    await testDb.ownerDb.processorEvent.createMany({
      data: [
        { ...base, eventId: `evt_${crypto.randomUUID()}`, bookingId, status: 'processed' },
        {
          ...base,
          eventId: `evt_${crypto.randomUUID()}`,
          invoiceId: invoice.id,
          status: 'failed',
          error: 'No payment known',
        },
      ],
    });
    const byBooking = await finance.payments.listEvents({ bookingId });
    expect(byBooking.items).toEqual([
      expect.objectContaining({ bookingId, status: 'processed', type: base.type }),
    ]);
    const byInvoice = await finance.payments.listEvents({ invoiceId: invoice.id });
    expect(byInvoice.items).toEqual([
      expect.objectContaining({
        invoiceId: invoice.id,
        status: 'failed',
        error: 'No payment known',
      }),
    ]);
    expect(JSON.stringify([byBooking, byInvoice])).not.toContain('raw-payload-must-not-leak');
    expect(Object.keys(byBooking.items[0]!)).not.toContain('payload');
  });
});
