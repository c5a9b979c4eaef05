import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { INVOICE_STATUS_WORDS, type InvoiceIdInput } from './invoice-schemas';
import { totalsFromLines } from './invoice-totals';

// Only an invoice nobody has paid towards may change its totals; the others are history.
const RECALCULABLE = new Set(['open', 'overdue']);

/**
 * Spec 002 `recalculate_totals`: after an unpaid invoice's items were edited, refreshes its
 * stored snapshot (subtotal, taxable subtotal, tax, rate basis, total) from those items at
 * their own stored rates, never from the org's current settings. Audited before/after.
 */
export async function recalculateInvoiceTotals({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: InvoiceIdInput;
}) {
  const locked = await ctx.tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM invoices WHERE id = ${input.invoiceId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw AppError.notFound('Invoice');
  const invoice = await ctx.tx.invoice.findUniqueOrThrow({
    where: { id: input.invoiceId },
    select: {
      id: true,
      number: true,
      status: true,
      subtotalCents: true,
      taxableSubtotalCents: true,
      taxCents: true,
      taxRateBasis: true,
      totalCents: true,
      lineItems: { select: { totalCents: true, taxRateBps: true } },
    },
  });
  if (!RECALCULABLE.has(invoice.status)) {
    throw new AppError(
      'CONFLICT',
      `Invoice #${invoice.number} is ${INVOICE_STATUS_WORDS[invoice.status]}: only an open or overdue invoice can have its totals recalculated`,
    );
  }
  const { id, number: _number, status: _status, lineItems, ...before } = invoice;
  const after = totalsFromLines(lineItems);
  await ctx.tx.invoice.update({ where: { id }, data: after });
  await recordAudit(ctx, {
    action: 'invoice.totals_recalculated',
    entityType: 'invoice',
    entityId: id,
    before,
    after,
  });
  return { invoiceId: id, before, after };
}
