import type { Tx } from '@souk/db';
import type { TenantContext } from '../context';
import type { FinanceReportInput } from './invoice-schemas';
import { resolveReportRange, totalsByCurrency, type ReportRange } from './report-range';

export interface TaxReportRow {
  /** YYYY-MM, by the invoices' issue date (UTC). */
  month: string;
  currency: string;
  invoiceCount: number;
  subtotalCents: number;
  taxableSubtotalCents: number;
  taxCents: number;
  totalCents: number;
}

const num = (value: bigint | number) => Number(value);

/**
 * Per month and currency, from the invoices' stored snapshots only. Tenancy is RLS's:
 * the caller's transaction sees its own org's invoices and no others.
 */
export async function taxReportRows(tx: Tx, range: ReportRange): Promise<TaxReportRow[]> {
  const rows = await tx.$queryRaw<
    {
      month: string;
      currency: string;
      invoiceCount: bigint;
      subtotalCents: bigint;
      taxableSubtotalCents: bigint;
      taxCents: bigint;
      totalCents: bigint;
    }[]
  >`
    SELECT to_char("issuedAt", 'YYYY-MM') AS month, currency,
           COUNT(*)::bigint AS "invoiceCount",
           SUM("subtotalCents")::bigint AS "subtotalCents",
           SUM("taxableSubtotalCents")::bigint AS "taxableSubtotalCents",
           SUM("taxCents")::bigint AS "taxCents",
           SUM("totalCents")::bigint AS "totalCents"
    FROM invoices
    WHERE status <> 'void'
      AND "issuedAt" >= ${range.start}::timestamp AND "issuedAt" < ${range.end}::timestamp
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  return rows.map((row) => ({
    month: row.month,
    currency: row.currency,
    invoiceCount: num(row.invoiceCount),
    subtotalCents: num(row.subtotalCents),
    taxableSubtotalCents: num(row.taxableSubtotalCents),
    taxCents: num(row.taxCents),
    totalCents: num(row.totalCents),
  }));
}

/**
 * Spec 002 "Invoice tax snapshots and reporting", GST-style: per month, the invoices issued
 * (void ones left out) with their taxable subtotal, tax and total as stored at issue. The
 * org's current tax rate is never read, so changing it leaves every past month as it was.
 */
export async function getTaxReport({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: FinanceReportInput;
  now?: Date;
}) {
  const range = resolveReportRange(input, now);
  const rows = await taxReportRows(ctx.tx, range);
  return {
    fromMonth: range.fromMonth,
    toMonth: range.toMonth,
    rows,
    totals: totalsByCurrency(rows, [
      'invoiceCount',
      'subtotalCents',
      'taxableSubtotalCents',
      'taxCents',
      'totalCents',
    ]),
  };
}
