import type { Tx } from '@souk/db';
import type { TenantContext } from '../context';
import type { FinanceReportInput } from './invoice-schemas';
import { resolveReportRange, totalsByCurrency, type ReportRange } from './report-range';

export interface ProfitAndLossRow {
  /** YYYY-MM (UTC). */
  month: string;
  currency: string;
  invoicesPaid: number;
  grossCents: number;
  refundedCents: number;
  netCents: number;
  commissionCents: number;
}

const num = (value: bigint | number) => Number(value);

/**
 * Per month and currency, with the dashboard's definitions (dashboard/get-dashboard.ts):
 * gross is the amount paid on invoices by the month they were paid in, refunds are
 * succeeded refunds by the month they were made, net is gross less refunds, commission is
 * the marketplace's payout allocations by the month they were created. Stored amounts
 * only. Tenancy is RLS's: the caller's transaction sees its own org's rows only.
 */
export async function profitAndLossRows(tx: Tx, range: ReportRange): Promise<ProfitAndLossRow[]> {
  const rows = await tx.$queryRaw<
    {
      month: string;
      currency: string;
      invoicesPaid: bigint;
      grossCents: bigint;
      refundedCents: bigint;
      commissionCents: bigint;
    }[]
  >`
    WITH parts AS (
      SELECT to_char("paidAt", 'YYYY-MM') AS month, currency,
             COUNT(*)::bigint AS paid, SUM("amountPaidCents")::bigint AS gross,
             0::bigint AS refunded, 0::bigint AS commission
      FROM invoices
      WHERE "paidAt" >= ${range.start}::timestamp AND "paidAt" < ${range.end}::timestamp
      GROUP BY 1, 2
      UNION ALL
      SELECT to_char("createdAt", 'YYYY-MM'), currency, 0, 0, SUM("amountCents")::bigint, 0
      FROM refunds
      WHERE status = 'succeeded'
        AND "createdAt" >= ${range.start}::timestamp AND "createdAt" < ${range.end}::timestamp
      GROUP BY 1, 2
      UNION ALL
      SELECT to_char("createdAt", 'YYYY-MM'), currency, 0, 0, 0, SUM("commissionCents")::bigint
      FROM payout_allocations
      WHERE "createdAt" >= ${range.start}::timestamp AND "createdAt" < ${range.end}::timestamp
      GROUP BY 1, 2
    )
    SELECT month, currency, SUM(paid)::bigint AS "invoicesPaid", SUM(gross)::bigint AS "grossCents",
           SUM(refunded)::bigint AS "refundedCents", SUM(commission)::bigint AS "commissionCents"
    FROM parts
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  return rows.map((row) => ({
    month: row.month,
    currency: row.currency,
    invoicesPaid: num(row.invoicesPaid),
    grossCents: num(row.grossCents),
    refundedCents: num(row.refundedCents),
    netCents: num(row.grossCents) - num(row.refundedCents),
    commissionCents: num(row.commissionCents),
  }));
}

/** Spec 002 P&L report: per month, from stored amounts; see profitAndLossRows. */
export async function getProfitAndLoss({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: FinanceReportInput;
  now?: Date;
}) {
  const range = resolveReportRange(input, now);
  const rows = await profitAndLossRows(ctx.tx, range);
  return {
    fromMonth: range.fromMonth,
    toMonth: range.toMonth,
    rows,
    totals: totalsByCurrency(rows, [
      'invoicesPaid',
      'grossCents',
      'refundedCents',
      'netCents',
      'commissionCents',
    ]),
  };
}
