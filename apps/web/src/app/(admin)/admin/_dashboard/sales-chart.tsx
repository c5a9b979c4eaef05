'use client';

import { Chart } from '@souk/ui';
import { formatMoney } from '@souk/core/money';
import { formatNumber } from '@souk/ui';

interface Point {
  date: string;
  grossCents: number;
  netCents: number;
  orders: number;
}

/**
 * Gross and net sales, and orders, per day or per week. Client-side: the charts take
 * formatter functions, which cannot cross from a server component. Each chart carries
 * its numbers as a table for screen readers.
 */
export function SalesCharts({
  currency,
  bucket,
  series,
}: {
  currency: string;
  bucket: 'day' | 'week';
  series: Point[];
}) {
  const per = bucket === 'day' ? 'per day' : 'per week (the date is the first day)';
  const xLabel = bucket === 'day' ? 'Day' : 'Week starting';
  return (
    <>
      <Chart
        kind="line"
        title={`Sales in ${currency}`}
        description={`Gross sales and net sales after refunds, ${per}.`}
        data={series.map((p) => ({ date: p.date, gross: p.grossCents, net: p.netCents }))}
        xKey="date"
        xLabel={xLabel}
        series={[
          { key: 'gross', label: 'Gross sales' },
          { key: 'net', label: 'Net sales' },
        ]}
        formatValue={(cents) => formatMoney(cents, currency)}
      />
      <Chart
        kind="bar"
        title={`Orders paid in ${currency}`}
        description={`Orders paid, ${per}.`}
        data={series.map((p) => ({ date: p.date, orders: p.orders }))}
        xKey="date"
        xLabel={xLabel}
        series={[{ key: 'orders', label: 'Orders' }]}
        formatValue={formatNumber}
      />
    </>
  );
}
