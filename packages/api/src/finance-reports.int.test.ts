// Spec 002 "Invoice tax snapshots and reporting": the tax (GST-style) and P&L reports by
// month, read from the invoices' stored snapshots, and their CSV downloads. Invoices,
// refunds and marketplace allocations are written as the app would have left them; the
// test sums what it wrote and compares, then changes the org's tax rate and compares again.
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrgScope } from '@souk/core';
import { listExportNamed } from '@souk/core/export';
import { callerAs, sessionFor, type Caller } from './test/harness';
import { issueInvoice } from './test/invoices';
import { seededDatabaseForFile } from './test/seeded-database';
import { codeOf, errorOf } from './test/trpc-errors';
import { fieldErrorsOf } from './errors';

const { testDb, c } = seededDatabaseForFile();
let finance: Caller;
let dispatcher: Caller;
let orgId = '';
let acmeOrgId = '';

const at = (month: number, day: number) => new Date(Date.UTC(2026, month - 1, day, 12));

interface Sale {
  month: number;
  lines: { totalCents: number; taxRateBps: number }[];
  status: 'open' | 'paid' | 'void' | 'refunded';
  /** Paid in this month (1-based), if paid. */
  paidMonth?: number;
  refundCents?: number;
}

// Issued in September to November 2026; one paid in the month after its issue.
const SALES: Sale[] = [
  { month: 9, lines: [{ totalCents: 10_000, taxRateBps: 1_000 }], status: 'paid', paidMonth: 9 },
  {
    month: 9,
    lines: [
      { totalCents: 4_999, taxRateBps: 1_000 },
      { totalCents: 1_500, taxRateBps: 0 },
    ],
    status: 'paid',
    paidMonth: 10,
    refundCents: 2_000,
  },
  { month: 9, lines: [{ totalCents: 7_000, taxRateBps: 1_000 }], status: 'void' },
  { month: 10, lines: [{ totalCents: 3_333, taxRateBps: 1_000 }], status: 'open' },
  { month: 10, lines: [{ totalCents: 2_000, taxRateBps: 0 }], status: 'paid', paidMonth: 10 },
  { month: 11, lines: [{ totalCents: 12_345, taxRateBps: 1_000 }], status: 'paid', paidMonth: 11 },
];
const COMMISSIONS = [
  { month: 10, cents: 1_200 },
  { month: 10, cents: 300 },
  { month: 11, cents: 450 },
];

const month = (m: number) => `2026-${String(m).padStart(2, '0')}`;
const taxOf = (lines: Sale['lines']) =>
  lines.reduce((sum, l) => sum + Math.floor((l.totalCents * l.taxRateBps + 5_000) / 10_000), 0);
const subtotalOf = (lines: Sale['lines']) => lines.reduce((sum, l) => sum + l.totalCents, 0);

function expectedTax() {
  return [9, 10, 11].map((m) => {
    const issued = SALES.filter((s) => s.month === m && s.status !== 'void');
    const subtotalCents = issued.reduce((sum, s) => sum + subtotalOf(s.lines), 0);
    const taxCents = issued.reduce((sum, s) => sum + taxOf(s.lines), 0);
    return {
      month: month(m),
      currency: 'USD',
      invoiceCount: issued.length,
      subtotalCents,
      taxableSubtotalCents: issued.reduce(
        (sum, s) => sum + subtotalOf(s.lines.filter((l) => l.taxRateBps > 0)),
        0,
      ),
      taxCents,
      totalCents: subtotalCents + taxCents,
    };
  });
}

function expectedProfitAndLoss() {
  return [9, 10, 11].map((m) => {
    const paid = SALES.filter((s) => s.paidMonth === m);
    const grossCents = paid.reduce((sum, s) => sum + subtotalOf(s.lines) + taxOf(s.lines), 0);
    // Each refund is made in the month its invoice was paid.
    const refundedCents = paid.reduce((sum, s) => sum + (s.refundCents ?? 0), 0);
    return {
      month: month(m),
      currency: 'USD',
      invoicesPaid: paid.length,
      grossCents,
      refundedCents,
      netCents: grossCents - refundedCents,
      commissionCents: COMMISSIONS.filter((x) => x.month === m).reduce((s, x) => s + x.cents, 0),
    };
  });
}

async function csv(name: 'tax-report' | 'profit-and-loss', filters: Record<string, string>) {
  const scope = createOrgScope({ db: testDb.db, orgId });
  return new Response(listExportNamed(name)!.open({ scope, filters })).text();
}

beforeAll(async () => {
  finance = callerAs(testDb.db, await sessionFor(testDb.db, 'finance@souk.test'));
  dispatcher = callerAs(testDb.db, await sessionFor(testDb.db, 'dispatcher@souk.test'));
  orgId = c.sessions.admin.orgId;
  acmeOrgId = c.sessions.acmeAdmin.orgId;
  const db = testDb.ownerDb;
  await db.organization.update({ where: { id: orgId }, data: { taxRateBps: 1_000 } });

  for (const sale of SALES) {
    const total = subtotalOf(sale.lines) + taxOf(sale.lines);
    const { order, payments } = await issueInvoice(db, {
      orgId,
      lines: sale.lines,
      status: sale.status,
      issuedAt: at(sale.month, 5),
      paidAt: sale.paidMonth ? at(sale.paidMonth, 20) : null,
      payments: sale.paidMonth
        ? [{ amountCents: total, status: 'succeeded', createdAt: at(sale.paidMonth, 20) }]
        : [],
    });
    if (sale.refundCents) {
      await db.refund.create({
        data: {
          orgId,
          orderId: order.id,
          paymentId: payments[0]!.id,
          amountCents: sale.refundCents,
          currency: 'USD',
          reason: 'Goodwill',
          status: 'succeeded',
          idempotencyKey: crypto.randomUUID(),
          createdAt: at(sale.paidMonth!, 25),
        },
      });
      // A failed refund is not money back.
      await db.refund.create({
        data: {
          orgId,
          orderId: order.id,
          paymentId: payments[0]!.id,
          amountCents: 999,
          currency: 'USD',
          reason: 'Declined',
          status: 'failed',
          idempotencyKey: crypto.randomUUID(),
          createdAt: at(sale.paidMonth!, 26),
        },
      });
    }
  }
  // The rival org's sales in the same months must not show.
  await issueInvoice(db, {
    orgId: acmeOrgId,
    lines: [{ totalCents: 50_000, taxRateBps: 2_000 }],
    status: 'paid',
    issuedAt: at(10, 5),
    paidAt: at(10, 6),
  });

  const organizerId = (await db.user.findUniqueOrThrow({ where: { email: 'customer@souk.test' } }))
    .id;
  const vendorId = (await db.vendor.findFirstOrThrow({ where: { orgId } })).id;
  for (const commission of COMMISSIONS) {
    const booking = await db.booking.create({
      data: {
        orgId,
        organizerId,
        status: 'paid',
        currency: 'USD',
        createdAt: at(commission.month, 1),
      },
    });
    const bookingVendor = await db.bookingVendor.create({
      data: { orgId, bookingId: booking.id, vendorId, role: 'service', status: 'approved' },
    });
    const payment = await db.bookingPayment.create({
      data: {
        orgId,
        bookingId: booking.id,
        kind: 'full',
        status: 'succeeded',
        amountCents: commission.cents * 10,
        currency: 'USD',
        processorPaymentIntentId: `pi_report_${crypto.randomUUID()}`,
        clientSecret: 'secret',
        idempotencyKey: crypto.randomUUID(),
        commissionBps: 1_000,
        reservationBps: 5_000,
        createdById: organizerId,
        succeededAt: at(commission.month, 10),
      },
    });
    await db.payoutAllocation.create({
      data: {
        orgId,
        bookingId: booking.id,
        paymentId: payment.id,
        bookingVendorId: bookingVendor.id,
        vendorId,
        grossCents: commission.cents * 10,
        commissionCents: commission.cents,
        netCents: commission.cents * 9,
        currency: 'USD',
        createdAt: at(commission.month, 10),
      },
    });
  }
});

const RANGE = { from: '2026-09-14', to: '2026-11-02' };

describe('finance.getTaxReport and finance.getProfitAndLoss', () => {
  it('sum the stored snapshots per whole month, for the org alone', async () => {
    const tax = await finance.finance.getTaxReport(RANGE);
    expect(tax.fromMonth).toBe('2026-09');
    expect(tax.toMonth).toBe('2026-11');
    expect(tax.rows).toEqual(expectedTax());
    expect(tax.totals).toEqual([
      expect.objectContaining({
        currency: 'USD',
        invoiceCount: 5,
        taxCents: expectedTax().reduce((sum, row) => sum + row.taxCents, 0),
      }),
    ]);

    const pnl = await finance.finance.getProfitAndLoss(RANGE);
    expect(pnl.rows).toEqual(expectedProfitAndLoss());
    expect(pnl.totals).toEqual([
      expect.objectContaining({
        refundedCents: 2_000,
        commissionCents: 1_950,
        netCents: expectedProfitAndLoss().reduce((sum, row) => sum + row.netCents, 0),
      }),
    ]);

    const october = await finance.finance.getTaxReport({ from: '2026-10-01', to: '2026-10-31' });
    expect(october.rows).toEqual([expectedTax()[1]]);
  });

  it('stay the same after the org changes its tax rate', async () => {
    const taxBefore = await finance.finance.getTaxReport(RANGE);
    const pnlBefore = await finance.finance.getProfitAndLoss(RANGE);
    await testDb.ownerDb.organization.update({ where: { id: orgId }, data: { taxRateBps: 2_500 } });
    expect(await finance.finance.getTaxReport(RANGE)).toEqual(taxBefore);
    expect(await finance.finance.getProfitAndLoss(RANGE)).toEqual(pnlBefore);
    expect((await finance.finance.getTaxReport(RANGE)).rows).toEqual(expectedTax());
  });

  it('download as CSV, newest month first, with the same figures', async () => {
    const tax = await csv('tax-report', RANGE);
    const [header, ...lines] = tax.trim().split(/\r?\n/);
    expect(header).toBe('Month,Currency,Invoices,Subtotal,Taxable subtotal,Tax,Total');
    const rows = expectedTax().reverse();
    expect(lines).toEqual(
      rows.map((r) =>
        [
          r.month,
          'USD',
          r.invoiceCount,
          (r.subtotalCents / 100).toFixed(2),
          (r.taxableSubtotalCents / 100).toFixed(2),
          (r.taxCents / 100).toFixed(2),
          (r.totalCents / 100).toFixed(2),
        ].join(','),
      ),
    );
    const pnl = await csv('profit-and-loss', RANGE);
    expect(pnl.trim().split(/\r?\n/)[0]).toBe(
      'Month,Currency,Invoices paid,Gross sales,Refunds,Net sales,Commission earned',
    );
    expect(pnl.trim().split(/\r?\n/)[1]).toBe(
      `2026-11,USD,1,${((12_345 + 1_235) / 100).toFixed(2)},0.00,${((12_345 + 1_235) / 100).toFixed(2)},4.50`,
    );
    expect(listExportNamed('tax-report')!.permission).toBe('finance.read');
  });

  it('refuse a range longer than five years or upside down, and refuse the dispatcher', async () => {
    const long = await errorOf(
      finance.finance.getTaxReport({ from: '2020-01-01', to: '2026-01-31' }),
    );
    expect(long.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(long.cause)).toEqual({ from: ['A report covers at most 60 months'] });
    const upside = await errorOf(
      finance.finance.getProfitAndLoss({ from: '2026-10-01', to: '2026-09-01' }),
    );
    expect(fieldErrorsOf(upside.cause)).toEqual({ to: ['To must not be before From'] });
    expect(await codeOf(dispatcher.finance.getTaxReport(RANGE))).toBe('FORBIDDEN');
    expect(await codeOf(c.viewer.finance.getProfitAndLoss(RANGE))).toBe('FORBIDDEN');
    // The rival org's own report holds its sale and none of these.
    const acme = await c.acmeAdmin.finance.getTaxReport(RANGE);
    expect(acme.rows).toEqual([
      expect.objectContaining({ month: '2026-10', invoiceCount: 1, taxCents: 10_000 }),
    ]);
  });
});
