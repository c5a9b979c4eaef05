import type { Prisma } from '@souk/db';

// What every reader of an invoice (admin invoice and order pages, the personal-data export)
// reads of it, so the three stay in step when the tax snapshot grows a column.

/** The invoice's tax snapshot as issued, with what has been paid and refunded. */
export const invoiceSnapshotSelect = {
  id: true,
  number: true,
  status: true,
  currency: true,
  subtotalCents: true,
  taxableSubtotalCents: true,
  taxCents: true,
  taxRateBasis: true,
  totalCents: true,
  amountPaidCents: true,
  amountRefundedCents: true,
  issuedAt: true,
  paidAt: true,
} satisfies Prisma.InvoiceSelect;

/** An invoice's lines, in the order they were issued. */
export const invoiceLinesSelect = {
  orderBy: { position: 'asc' },
  select: {
    id: true,
    description: true,
    quantity: true,
    unitAmountCents: true,
    totalCents: true,
    taxRateBps: true,
  },
} satisfies Prisma.Invoice$lineItemsArgs;

/** A payment's amounts and status (admin views add the processor's intent id). */
export const paymentAmountsSelect = {
  id: true,
  amountCents: true,
  amountRefundedCents: true,
  currency: true,
  status: true,
  createdAt: true,
} satisfies Prisma.PaymentSelect;
