import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Chart } from './chart';

const data = [
  { day: 'Mar 1', revenue: 120_000, refunds: 0 },
  { day: 'Mar 2', revenue: 98_550, refunds: 4_900 },
];
const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

describe('Chart', () => {
  it('names the figure and gives every number as a table', () => {
    const html = renderToStaticMarkup(
      <Chart
        kind="line"
        title="Revenue"
        description="Paid per day, last 2 days"
        data={data}
        xKey="day"
        xLabel="Day"
        series={[
          { key: 'revenue', label: 'Revenue' },
          { key: 'refunds', label: 'Refunds' },
        ]}
        formatValue={dollars}
      />,
    );
    expect(html).toMatch(/<figure[^>]*aria-labelledby="([^"]+)"[^>]*>/);
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`id="${labelledBy}">Revenue</span>`);
    expect(html).toContain('Paid per day, last 2 days');
    expect(html).toContain('<th scope="col">Day</th>');
    expect(html).toContain('<th scope="row">Mar 2</th>');
    expect(html).toContain('$985.50');
    expect(html).toContain('$49.00');
  });

  it('says there is no data instead of drawing empty axes', () => {
    const html = renderToStaticMarkup(
      <Chart
        kind="bar"
        title="Bookings"
        description="Bookings per week"
        data={[]}
        xKey="week"
        xLabel="Week"
        series={[{ key: 'count', label: 'Bookings' }]}
      />,
    );
    expect(html).toContain('No data yet.');
    expect(html).not.toContain('<table');
  });
});
