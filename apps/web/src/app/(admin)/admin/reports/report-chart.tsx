'use client';

import { Chart } from '@souk/ui';
import { formatMoney } from '@souk/core/money';

/**
 * Tax and net sales per month, as bars. Client-side: the chart takes a formatter
 * function, which cannot cross from a server component. It carries its numbers as a table.
 */
export function ReportChart({
  currency,
  rows,
}: {
  currency: string;
  rows: { month: string; taxCents: number; netCents: number }[];
}) {
  return (
    <Chart
      kind="bar"
      title={`Net sales and tax by month, ${currency}`}
      description="Net sales (paid less refunded) and the tax on invoices issued, per month."
      data={rows.map((r) => ({ month: r.month, net: r.netCents, tax: r.taxCents }))}
      xKey="month"
      xLabel="Month"
      series={[
        { key: 'net', label: 'Net sales' },
        { key: 'tax', label: 'Tax' },
      ]}
      formatValue={(cents) => formatMoney(cents, currency)}
    />
  );
}
