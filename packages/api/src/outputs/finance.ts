import { z } from 'zod';
import { INVOICE_MISMATCH_KINDS, INVOICE_STATUSES } from '@souk/core';
import { pageSchema } from './shared';

const invoiceStatus = z.enum(INVOICE_STATUSES);

/** An invoice row as the invoices list and the queue show it. */
export const invoiceRowOutput = z.object({
  id: z.string(),
  number: z.number(),
  status: invoiceStatus,
  currency: z.string(),
  subtotalCents: z.number(),
  taxCents: z.number(),
  totalCents: z.number(),
  amountPaidCents: z.number(),
  amountRefundedCents: z.number(),
  outstandingCents: z.number(),
  issuedAt: z.date(),
  dueAt: z.date().nullable(),
  paidAt: z.date().nullable(),
  orderId: z.string(),
  orderNumber: z.number(),
  customerEmail: z.string(),
});

export const invoicePageOutput = pageSchema(invoiceRowOutput);

export const invoiceQueuePageOutput = pageSchema(
  invoiceRowOutput.extend({ daysOverdue: z.number() }),
);

/** One line of an invoice, with the tax rate it was issued with. */
export const invoiceLineOutput = z.object({
  id: z.string(),
  description: z.string(),
  quantity: z.number(),
  unitAmountCents: z.number(),
  totalCents: z.number(),
  taxRateBps: z.number(),
});

/** A payment towards an invoice (admin views; the portal and the export leave out the intent). */
export const invoicePaymentOutput = z.object({
  id: z.string(),
  processorPaymentIntentId: z.string(),
  amountCents: z.number(),
  amountRefundedCents: z.number(),
  currency: z.string(),
  status: z.string(),
  createdAt: z.date(),
});

export const invoiceDetailOutput = z.object({
  id: z.string(),
  number: z.number(),
  status: invoiceStatus,
  currency: z.string(),
  subtotalCents: z.number(),
  taxableSubtotalCents: z.number(),
  taxCents: z.number(),
  taxRateBps: z.number(),
  totalCents: z.number(),
  amountPaidCents: z.number(),
  amountRefundedCents: z.number(),
  outstandingCents: z.number(),
  issuedAt: z.date(),
  dueAt: z.date().nullable(),
  paidAt: z.date().nullable(),
  updatedAt: z.date(),
  order: z.object({
    id: z.string(),
    number: z.number(),
    status: z.string(),
    customerEmail: z.string(),
  }),
  lineItems: z.array(invoiceLineOutput),
  payments: z.array(invoicePaymentOutput),
  refunds: z.array(
    z.object({
      id: z.string(),
      paymentId: z.string(),
      amountCents: z.number(),
      currency: z.string(),
      reason: z.string(),
      status: z.string(),
      failureReason: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      actorEmail: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
      createdAt: z.date(),
    }),
  ),
});

export const invoiceMismatchPageOutput = pageSchema(
  z.object({
    id: z.string(),
    number: z.number(),
    status: invoiceStatus,
    currency: z.string(),
    totalCents: z.number(),
    amountPaidCents: z.number(),
    settledCents: z.number(),
    paymentCount: z.number(),
    succeededPaymentCount: z.number(),
    lastPaymentAt: z.date().nullable(),
    issuedAt: z.date(),
    dueAt: z.date().nullable(),
    orderId: z.string(),
    orderNumber: z.number(),
    customerEmail: z.string(),
    kind: z.enum(INVOICE_MISMATCH_KINDS).nullable(),
    kindLabel: z.string().nullable(),
    reconcileHref: z.string(),
  }),
);

const reconcileSnapshotOutput = z.object({
  status: invoiceStatus,
  paidCents: z.number(),
  outstandingCents: z.number(),
  succeededPaymentCount: z.number(),
});

export const invoiceReconciledOutput = z.object({
  invoiceId: z.string(),
  changed: z.boolean(),
  before: reconcileSnapshotOutput,
  after: reconcileSnapshotOutput,
});

const totalsSnapshotOutput = z.object({
  subtotalCents: z.number(),
  taxableSubtotalCents: z.number(),
  taxCents: z.number(),
  taxRateBasis: z.number(),
  totalCents: z.number(),
});

export const invoiceTotalsRecalculatedOutput = z.object({
  invoiceId: z.string(),
  before: totalsSnapshotOutput,
  after: totalsSnapshotOutput,
});

const taxFiguresOutput = z.object({
  currency: z.string(),
  invoiceCount: z.number(),
  subtotalCents: z.number(),
  taxableSubtotalCents: z.number(),
  taxCents: z.number(),
  totalCents: z.number(),
});

export const taxReportOutput = z.object({
  fromMonth: z.string(),
  toMonth: z.string(),
  rows: z.array(taxFiguresOutput.extend({ month: z.string() })),
  totals: z.array(taxFiguresOutput),
});

const profitAndLossFiguresOutput = z.object({
  currency: z.string(),
  invoicesPaid: z.number(),
  grossCents: z.number(),
  refundedCents: z.number(),
  netCents: z.number(),
  commissionCents: z.number(),
});

export const profitAndLossOutput = z.object({
  fromMonth: z.string(),
  toMonth: z.string(),
  rows: z.array(profitAndLossFiguresOutput.extend({ month: z.string() })),
  totals: z.array(profitAndLossFiguresOutput),
});
