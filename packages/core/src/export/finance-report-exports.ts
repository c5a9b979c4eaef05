import { profitAndLossRows, type ProfitAndLossRow } from '../finance/get-profit-and-loss';
import { taxReportRows, type TaxReportRow } from '../finance/get-tax-report';
import { financeReportInput } from '../finance/invoice-schemas';
import { resolveReportRange } from '../finance/report-range';
import { money } from './csv-cell';
import { defineListExport, type Keyset } from './list-export';

/** A report row's place in a newest-first download: its month, then its currency. */
const keyOf = (row: { month: string; currency: string }): Keyset => ({
  at: new Date(`${row.month}-01T00:00:00.000Z`),
  id: row.currency,
});

/**
 * A report is a few rows per month (at most 60 months), so each page reads the whole
 * report and keeps the rows after the keyset: newest month first, currencies descending.
 */
function pageAfter<Row extends { month: string; currency: string }>(
  rows: Row[],
  after: Keyset | null,
  take: number,
): Row[] {
  const newestFirst = [...rows].sort((a, b) =>
    a.month === b.month ? b.currency.localeCompare(a.currency) : b.month.localeCompare(a.month),
  );
  const later = after
    ? newestFirst.filter((row) => {
        const key = keyOf(row);
        return key.at < after.at || (key.at.getTime() === after.at.getTime() && key.id < after.id);
      })
    : newestFirst;
  return later.slice(0, take);
}

export const taxReportExport = defineListExport<
  (typeof financeReportInput)['_output'],
  TaxReportRow
>({
  permission: 'finance.read',
  filters: financeReportInput,
  page: async ({ tx, filters, after, take }) =>
    pageAfter(await taxReportRows(tx, resolveReportRange(filters)), after, take),
  keyOf,
  columns: [
    { header: 'Month', value: (r) => r.month },
    { header: 'Currency', value: (r) => r.currency },
    { header: 'Invoices', value: (r) => r.invoiceCount },
    { header: 'Subtotal', value: (r) => money(r.subtotalCents, r.currency) },
    { header: 'Taxable subtotal', value: (r) => money(r.taxableSubtotalCents, r.currency) },
    { header: 'Tax', value: (r) => money(r.taxCents, r.currency) },
    { header: 'Total', value: (r) => money(r.totalCents, r.currency) },
  ],
});

export const profitAndLossExport = defineListExport<
  (typeof financeReportInput)['_output'],
  ProfitAndLossRow
>({
  permission: 'finance.read',
  filters: financeReportInput,
  page: async ({ tx, filters, after, take }) =>
    pageAfter(await profitAndLossRows(tx, resolveReportRange(filters)), after, take),
  keyOf,
  columns: [
    { header: 'Month', value: (r) => r.month },
    { header: 'Currency', value: (r) => r.currency },
    { header: 'Invoices paid', value: (r) => r.invoicesPaid },
    { header: 'Gross sales', value: (r) => money(r.grossCents, r.currency) },
    { header: 'Refunds', value: (r) => money(r.refundedCents, r.currency) },
    { header: 'Net sales', value: (r) => money(r.netCents, r.currency) },
    { header: 'Commission earned', value: (r) => money(r.commissionCents, r.currency) },
  ],
});
