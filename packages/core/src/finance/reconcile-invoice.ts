import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { settleInvoices } from '../payments/events/settle-invoice';
import {
  INVOICE_STATUS_WORDS,
  UNPAID_INVOICE_STATUSES,
  type InvoiceIdInput,
  type InvoiceStatusName,
} from './invoice-schemas';
import { reconciledStatus } from './invoice-status';

const UNPAID = new Set<string>(UNPAID_INVOICE_STATUSES);

interface Locked {
  id: string;
  number: number;
  status: InvoiceStatusName;
  totalCents: number;
  amountPaidCents: number;
  amountRefundedCents: number;
  dueAt: Date | null;
  settledCents: number;
  refundedCents: number;
  succeededPaymentCount: number;
}

/** What the audit row and the answer say of the invoice, before and after. */
export interface ReconcileSnapshot {
  status: InvoiceStatusName;
  paidCents: number;
  outstandingCents: number;
  succeededPaymentCount: number;
}

async function lockedFunds(ctx: TenantContext, invoiceId: string): Promise<Locked | null> {
  // The row lock first (FOR UPDATE cannot sit beside GROUP BY): payment events for this
  // invoice wait until the reconcile commits, so it reads the payments it decides on.
  const locked = await ctx.tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  const [row] = await ctx.tx.$queryRaw<Locked[]>`
    SELECT i.id, i.number, i.status::text AS status, i."totalCents", i."amountPaidCents",
           i."amountRefundedCents", i."dueAt",
           COALESCE(SUM(p."amountCents") FILTER (WHERE p.status IN ('succeeded', 'refunded')), 0)::int
             AS "settledCents",
           COALESCE(SUM(p."amountRefundedCents"), 0)::int AS "refundedCents",
           COUNT(p.id) FILTER (WHERE p.status IN ('succeeded', 'refunded'))::int
             AS "succeededPaymentCount"
    FROM invoices i LEFT JOIN payments p ON p."invoiceId" = i.id
    WHERE i.id = ${invoiceId}::uuid
    GROUP BY i.id`;
  return row ?? null;
}

function snapshotOf(
  invoice: { status: InvoiceStatusName; totalCents: number; amountPaidCents: number },
  succeededPaymentCount: number,
): ReconcileSnapshot {
  const open = invoice.status !== 'void' && invoice.status !== 'refunded';
  return {
    status: invoice.status,
    paidCents: invoice.amountPaidCents,
    outstandingCents: open ? Math.max(invoice.totalCents - invoice.amountPaidCents, 0) : 0,
    succeededPaymentCount,
  };
}

/**
 * Spec 002 "How to reconcile an invoice safely": locks the invoice, recomputes its paid
 * and refunded totals from its settled payment rows and sets the status they call for
 * (see reconciledStatus). Only Souk's own rows are read and written: no payment is ever
 * created, here or at the processor. A move to paid (or refunded) goes through the same
 * settlement as a payment webhook, so the order, fulfillment and confirmation follow once.
 * Every call is audited, a no-op too (its before and after are equal).
 */
export async function reconcileInvoice({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: InvoiceIdInput;
  now?: Date;
}) {
  const before = await lockedFunds(ctx, input.invoiceId);
  if (!before) throw AppError.notFound('Invoice');
  if (before.status === 'void') {
    throw new AppError(
      'CONFLICT',
      `Invoice #${before.number} is ${INVOICE_STATUS_WORDS.void}: there is nothing to reconcile`,
    );
  }
  const paidCents = before.settledCents;
  const refundedCents = Math.min(before.refundedCents, paidCents);
  const target = reconciledStatus(
    {
      status: before.status,
      totalCents: before.totalCents,
      paidCents,
      refundedCents,
      dueAt: before.dueAt,
    },
    now,
  )!;

  const forward =
    (UNPAID.has(before.status) && (target === 'paid' || target === 'refunded')) ||
    (before.status === 'paid' && target === 'refunded');
  if (forward) await settleInvoices(ctx, [{ invoiceId: before.id, paidByPaymentIntentId: null }]);
  // Backward moves (a reopened or partly paid invoice) and any total the settlement left.
  const changed =
    before.status !== target ||
    before.amountPaidCents !== paidCents ||
    before.amountRefundedCents !== refundedCents;
  if (changed) {
    await ctx.tx.invoice.update({
      where: { id: before.id },
      data: {
        status: target,
        amountPaidCents: paidCents,
        amountRefundedCents: refundedCents,
        ...(target === 'paid' || target === 'refunded' ? {} : { paidAt: null }),
      },
    });
  }
  const after = await ctx.tx.invoice.findUniqueOrThrow({
    where: { id: before.id },
    select: { status: true, totalCents: true, amountPaidCents: true },
  });

  const result = {
    invoiceId: before.id,
    changed,
    before: snapshotOf(before, before.succeededPaymentCount),
    after: snapshotOf(after, before.succeededPaymentCount),
  };
  await recordAudit(ctx, {
    action: 'invoice.reconciled',
    entityType: 'invoice',
    entityId: before.id,
    before: result.before,
    after: result.after,
  });
  return result;
}
