import type { TenantContext } from '../context';
import { AppError } from '../errors';
import {
  invoiceLinesSelect,
  invoiceSnapshotSelect,
  paymentAmountsSelect,
} from '../checkout/invoice-selects';
import type { InvoiceIdInput } from './invoice-schemas';
import { outstanding } from './list-invoices';

/** Audit rows shown on the invoice page: the newest, enough for any repair history. */
const TIMELINE_LIMIT = 100;

/**
 * The admin's invoice page: the tax snapshot as issued, its line items, payments with
 * their status, refunds, the order it bills and who did what to it (audit rows).
 */
export async function getInvoice({ ctx, input }: { ctx: TenantContext; input: InvoiceIdInput }) {
  // Sequential: queries in one interactive transaction share a single connection.
  const invoice = await ctx.tx.invoice.findUnique({
    where: { id: input.invoiceId },
    select: {
      ...invoiceSnapshotSelect,
      dueAt: true,
      updatedAt: true,
      order: { select: { id: true, number: true, status: true, customerEmail: true } },
      lineItems: invoiceLinesSelect,
      payments: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          ...paymentAmountsSelect,
          processorPaymentIntentId: true,
          refunds: {
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            select: {
              id: true,
              amountCents: true,
              currency: true,
              reason: true,
              status: true,
              failureReason: true,
              createdAt: true,
            },
          },
        },
      },
    },
  });
  if (!invoice) throw AppError.notFound('Invoice');

  const timeline = await ctx.tx.auditLog.findMany({
    where: { entityType: 'invoice', entityId: invoice.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: TIMELINE_LIMIT,
    select: {
      id: true,
      action: true,
      actorEmail: true,
      before: true,
      after: true,
      createdAt: true,
    },
  });

  const { order, payments, taxRateBasis, ...rest } = invoice;
  return {
    ...rest,
    taxRateBps: taxRateBasis,
    outstandingCents: outstanding(invoice),
    order,
    payments: payments.map(({ refunds: _refunds, ...payment }) => payment),
    refunds: payments.flatMap((payment) =>
      payment.refunds.map((refund) => ({ ...refund, paymentId: payment.id })),
    ),
    timeline,
  };
}
