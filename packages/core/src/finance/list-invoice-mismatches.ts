import { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { pageOf } from '../page';
import type { InvoiceStatusName, ListInvoiceMismatchesInput } from './invoice-schemas';

/** Each way an invoice's status and its settled payments can disagree. */
export const INVOICE_MISMATCH_KINDS = [
  'paid_not_covered',
  'unpaid_but_covered',
  'open_with_funds',
  'partial_without_funds',
  'partial_but_covered',
  'paid_amount_differs',
] as const;
export type InvoiceMismatchKind = (typeof INVOICE_MISMATCH_KINDS)[number];

export const INVOICE_MISMATCH_WORDS: Record<InvoiceMismatchKind, string> = {
  paid_not_covered: 'Marked paid, but settled payments fall short of the total',
  unpaid_but_covered: 'Marked unpaid, but settled payments cover the total',
  open_with_funds: 'Marked open, but some payments have settled',
  partial_without_funds: 'Marked partly paid, but no payment has settled',
  partial_but_covered: 'Marked partly paid, but settled payments cover the total',
  paid_amount_differs: 'The amount paid on the invoice differs from its settled payments',
};

interface MismatchRow {
  id: string;
  number: number;
  status: InvoiceStatusName;
  currency: string;
  totalCents: number;
  amountPaidCents: number;
  settledCents: number;
  paymentCount: number;
  succeededPaymentCount: number;
  lastPaymentAt: Date | null;
  issuedAt: Date;
  dueAt: Date | null;
  orderId: string;
  orderNumber: number;
  customerEmail: string;
  kind: InvoiceMismatchKind | null;
}

// Settled funds are what settleInvoices counts as paid: succeeded payments, and refunded
// ones (collected first, then refunded). Rules are checked in order; the first one wins.
function classified(orgId: string) {
  return Prisma.sql`
    WITH funds AS (
      SELECT i.id, i.number, i.status::text AS status, i.currency, i."totalCents",
             i."amountPaidCents", i."issuedAt", i."dueAt",
             o.id AS "orderId", o.number AS "orderNumber", o."customerEmail",
             COALESCE(SUM(p."amountCents") FILTER (WHERE p.status IN ('succeeded', 'refunded')), 0)::int
               AS "settledCents",
             COUNT(p.id)::int AS "paymentCount",
             COUNT(p.id) FILTER (WHERE p.status IN ('succeeded', 'refunded'))::int
               AS "succeededPaymentCount",
             MAX(p."createdAt") AS "lastPaymentAt"
      FROM invoices i
      JOIN orders o ON o.id = i."orderId"
      LEFT JOIN payments p ON p."invoiceId" = i.id
      WHERE i."orgId" = ${orgId}::uuid
      GROUP BY i.id, o.id
    )
    SELECT f.*,
      CASE
        WHEN f.status = 'paid' AND f."settledCents" < f."totalCents" THEN 'paid_not_covered'
        WHEN f.status IN ('open', 'overdue') AND f."settledCents" > 0
             AND f."settledCents" >= f."totalCents" THEN 'unpaid_but_covered'
        WHEN f.status = 'open' AND f."settledCents" > 0 THEN 'open_with_funds'
        WHEN f.status = 'partial' AND f."settledCents" = 0 THEN 'partial_without_funds'
        WHEN f.status = 'partial' AND f."settledCents" >= f."totalCents" THEN 'partial_but_covered'
        WHEN f.status <> 'void' AND f."amountPaidCents" <> f."settledCents" THEN 'paid_amount_differs'
      END AS kind
    FROM funds f`;
}

/**
 * Spec 002 "How to detect invoice mismatches": the org's invoices whose status and settled
 * payments disagree (or every invoice, with `status: 'all'`), each with its payment counts,
 * last payment time and where to reconcile it. One set-based query, newest issue first.
 */
export async function listInvoiceMismatches({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListInvoiceMismatchesInput;
}) {
  const onlyMismatches = input.status === 'mismatch';
  const filter = onlyMismatches ? Prisma.sql`WHERE c.kind IS NOT NULL` : Prisma.empty;
  // Sequential: queries in one interactive transaction share a single connection.
  const [counted] = await ctx.tx.$queryRaw<{ total: number }[]>`
    SELECT COUNT(*)::int AS total FROM (${classified(ctx.orgId)}) c ${filter}`;
  const rows = await ctx.tx.$queryRaw<MismatchRow[]>`
    SELECT * FROM (${classified(ctx.orgId)}) c ${filter}
    ORDER BY c."issuedAt" DESC, c.id DESC
    LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`;
  return pageOf(
    input,
    counted?.total ?? 0,
    rows.map((row) => ({
      ...row,
      kindLabel: row.kind ? INVOICE_MISMATCH_WORDS[row.kind] : null,
      reconcileHref: `/admin/invoices/${row.id}`,
    })),
  );
}
