import type { Metadata } from 'next';
import { TRPCError } from '@trpc/server';
import { can } from '@souk/auth';
import type { RouterOutputs } from '@souk/api';
import { fieldErrorsOf } from '@souk/core/client';
import { formatMoney } from '@souk/core/money';
import { formatNumber } from '@souk/ui';
import { exportHref } from '@/app/api/export/export-href';
import { ListTable } from '@/components/list-table';
import type { SearchParams } from '@/components/page-links';
import { requireStaff } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { NoFinanceAccess } from '../invoices/no-access';
import { ReportChart } from './report-chart';
import { ReportRangeForm } from './report-range-form';

export const metadata: Metadata = { title: 'Reports' };

type TaxReport = RouterOutputs['finance']['getTaxReport'];
type ProfitAndLoss = RouterOutputs['finance']['getProfitAndLoss'];

const param = (value: string | string[] | undefined) =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** "2026-09" as "September 2026". */
const monthWords = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

const withIds = <T extends { month: string; currency: string }>(rows: T[]) =>
  rows.map((row) => ({ ...row, id: `${row.month}-${row.currency}` }));

export default async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireStaff('/admin/reports');
  if (!can(session.role, 'finance.read')) return <NoFinanceAccess role={session.role} />;
  const params = await searchParams;
  const input = { from: param(params.from), to: param(params.to) };

  let tax: TaxReport | undefined;
  let pnl: ProfitAndLoss | undefined;
  let errors: Record<string, string[]> | undefined;
  try {
    const caller = await serverCaller();
    tax = await caller.finance.getTaxReport(input);
    pnl = await caller.finance.getProfitAndLoss(input);
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST') throw error;
    errors = fieldErrorsOf(error.cause) ?? { from: [error.message] };
  }
  const from = input.from ?? (tax ? `${tax.fromMonth}-01` : '');
  const to = input.to ?? new Date().toISOString().slice(0, 10);
  const csvQuery = { from: input.from, to: input.to };
  const currencies = [
    ...new Set([...(tax?.rows ?? []), ...(pnl?.rows ?? [])].map((r) => r.currency)),
  ].sort();

  return (
    <>
      <h1>Reports</h1>
      <p className="muted">
        From the invoices as issued: later changes to the tax rate never alter a past month. Months
        are calendar months in UTC.
      </p>
      <ReportRangeForm from={from} to={to} errors={errors} />
      {tax && pnl ? (
        <>
          {currencies.map((currency) => {
            const months = [...new Set([...tax.rows, ...pnl.rows].map((r) => r.month))].sort();
            return (
              <ReportChart
                key={currency}
                currency={currency}
                rows={months.map((month) => ({
                  month,
                  taxCents:
                    tax.rows.find((r) => r.month === month && r.currency === currency)?.taxCents ??
                    0,
                  netCents:
                    pnl.rows.find((r) => r.month === month && r.currency === currency)?.netCents ??
                    0,
                }))}
              />
            );
          })}
          <section aria-labelledby="tax-report">
            <div className="page-head">
              <h2 id="tax-report">Tax (GST)</h2>
              <a className="button" href={exportHref('tax-report', csvQuery)} download>
                Download tax report (CSV)
              </a>
            </div>
            <p className="muted">Invoices issued in each month, void ones left out.</p>
            <ListTable
              label="Tax by month"
              rows={withIds(tax.rows)}
              emptyText="No invoices were issued in these months."
              columns={[
                { header: 'Month', cell: (r) => monthWords(r.month) },
                { header: 'Currency', cell: (r) => r.currency },
                { header: 'Invoices', className: 'num', cell: (r) => formatNumber(r.invoiceCount) },
                {
                  header: 'Taxable subtotal',
                  className: 'num',
                  cell: (r) => formatMoney(r.taxableSubtotalCents, r.currency),
                },
                {
                  header: 'Tax',
                  className: 'num',
                  cell: (r) => formatMoney(r.taxCents, r.currency),
                },
                {
                  header: 'Total',
                  className: 'num',
                  cell: (r) => formatMoney(r.totalCents, r.currency),
                },
              ]}
            />
          </section>
          <section aria-labelledby="pnl-report">
            <div className="page-head">
              <h2 id="pnl-report">Profit and loss</h2>
              <a className="button" href={exportHref('profit-and-loss', csvQuery)} download>
                Download P&amp;L (CSV)
              </a>
            </div>
            <p className="muted">
              Gross is what invoices paid in the month collected; refunds are those made in the
              month; commission is the marketplace&apos;s share of booking payments.
            </p>
            <ListTable
              label="Profit and loss by month"
              rows={withIds(pnl.rows)}
              emptyText="Nothing was paid, refunded or earned in these months."
              columns={[
                { header: 'Month', cell: (r) => monthWords(r.month) },
                { header: 'Currency', cell: (r) => r.currency },
                {
                  header: 'Invoices paid',
                  className: 'num',
                  cell: (r) => formatNumber(r.invoicesPaid),
                },
                {
                  header: 'Gross sales',
                  className: 'num',
                  cell: (r) => formatMoney(r.grossCents, r.currency),
                },
                {
                  header: 'Refunds',
                  className: 'num',
                  cell: (r) => formatMoney(r.refundedCents, r.currency),
                },
                {
                  header: 'Net sales',
                  className: 'num',
                  cell: (r) => formatMoney(r.netCents, r.currency),
                },
                {
                  header: 'Commission earned',
                  className: 'num',
                  cell: (r) => formatMoney(r.commissionCents, r.currency),
                },
              ]}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
