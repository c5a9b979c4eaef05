// Test-only: invoices as checkout would have issued them, written with the owner's
// connection, so each status and payment mix can be set up without the processor.
import type { TestDatabase } from '@souk/db/testing';

type OwnerDb = TestDatabase['ownerDb'];

export interface InvoiceSeed {
  orgId: string;
  email?: string;
  currency?: string;
  /** Line totals with their tax rates; checkout snapshots the org's rate on each line. */
  lines?: { totalCents: number; taxRateBps: number }[];
  status?: 'open' | 'partial' | 'paid' | 'overdue' | 'refunded' | 'void';
  issuedAt?: Date;
  dueAt?: Date | null;
  paidAt?: Date | null;
  amountPaidCents?: number;
  /** Payment rows, as the processor's events left them. */
  payments?: { amountCents: number; status: string; createdAt?: Date; refundedCents?: number }[];
}

let serial = 0;

/** Tax per rate, rounded half up once per rate, as checkout's snapshot does. */
function snapshot(lines: { totalCents: number; taxRateBps: number }[]) {
  const subtotalCents = lines.reduce((sum, line) => sum + line.totalCents, 0);
  const taxable = lines.filter((line) => line.taxRateBps > 0);
  const taxableSubtotalCents = taxable.reduce((sum, line) => sum + line.totalCents, 0);
  const taxCents = taxable.reduce(
    (sum, line) => sum + Math.floor((line.totalCents * line.taxRateBps + 5_000) / 10_000),
    0,
  );
  const taxRateBasis =
    taxableSubtotalCents > 0
      ? Math.floor((taxCents * 10_000 * 2 + taxableSubtotalCents) / (2 * taxableSubtotalCents))
      : 0;
  return {
    subtotalCents,
    taxableSubtotalCents,
    taxCents,
    taxRateBasis,
    totalCents: subtotalCents + taxCents,
  };
}

export async function issueInvoice(db: OwnerDb, seed: InvoiceSeed) {
  const lines = seed.lines ?? [{ totalCents: 10_000, taxRateBps: 0 }];
  const totals = snapshot(lines);
  const currency = seed.currency ?? 'USD';
  const status = seed.status ?? 'open';
  const issuedAt = seed.issuedAt ?? new Date();
  const paid = ['paid', 'refunded'].includes(status);
  const order = await db.order.create({
    data: {
      orgId: seed.orgId,
      customerEmail: seed.email ?? `buyer${++serial}@example.test`,
      status: paid ? 'paid' : status === 'void' ? 'cancelled' : 'pending_payment',
      currency,
      subtotalCents: totals.subtotalCents,
      taxCents: totals.taxCents,
      totalCents: totals.totalCents,
      paidAt: paid ? (seed.paidAt ?? issuedAt) : null,
      createdAt: issuedAt,
    },
  });
  const invoice = await db.invoice.create({
    data: {
      orgId: seed.orgId,
      orderId: order.id,
      status,
      currency,
      ...totals,
      amountPaidCents:
        seed.amountPaidCents ??
        (seed.payments ?? [])
          .filter((p) => p.status === 'succeeded' || p.status === 'refunded')
          .reduce((sum, p) => sum + p.amountCents, 0),
      issuedAt,
      dueAt: seed.dueAt ?? null,
      paidAt: paid ? (seed.paidAt ?? issuedAt) : (seed.paidAt ?? null),
      createdAt: issuedAt,
      lineItems: {
        create: lines.map((line, position) => ({
          orgId: seed.orgId,
          description: `Line ${position + 1}`,
          quantity: 1,
          unitAmountCents: line.totalCents,
          totalCents: line.totalCents,
          taxRateBps: line.taxRateBps,
          position,
        })),
      },
    },
  });
  const payments = [];
  for (const payment of seed.payments ?? []) {
    payments.push(
      await db.payment.create({
        data: {
          orgId: seed.orgId,
          invoiceId: invoice.id,
          processorPaymentIntentId: `pi_finance_${crypto.randomUUID()}`,
          amountCents: payment.amountCents,
          amountRefundedCents: payment.refundedCents ?? 0,
          currency,
          status: payment.status,
          createdAt: payment.createdAt ?? issuedAt,
        },
      }),
    );
  }
  return { order, invoice, payments };
}
