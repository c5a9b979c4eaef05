'use client';

import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface ChartSeries {
  /** The property of each row that holds this series' numbers. */
  key: string;
  label: string;
  color?: string;
}

export type ChartRow = Record<string, string | number | null>;

// At least 3:1 against white (WCAG 1.4.11 for graphics), and told apart by more than hue:
// lines get different dash patterns.
const PALETTE = ['#1f5eff', '#17703f', '#a0511b', '#7c3aed'];
const DASHES = [undefined, '6 3', '2 3', '8 3 2 3'];

/**
 * A line or bar chart with its title and description as the figure's caption (and as the
 * SVG's <title>/<desc>), plus the same numbers as a table for screen readers and anyone
 * who wants exact values. `formatValue` turns a number into what people read
 * ("$1,200.00"); `xKey` is the row property on the horizontal axis.
 */
export function Chart({
  kind,
  title,
  description,
  data,
  xKey,
  xLabel,
  series,
  formatValue = (value) => String(value),
  height = 260,
}: {
  kind: 'line' | 'bar';
  title: string;
  description: string;
  data: readonly ChartRow[];
  xKey: string;
  xLabel: string;
  series: readonly ChartSeries[];
  formatValue?: (value: number) => string;
  height?: number;
}) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const colorOf = (index: number, s: ChartSeries) => s.color ?? PALETTE[index % PALETTE.length];
  const tick = (value: unknown) => (typeof value === 'number' ? formatValue(value) : String(value));
  const common = {
    data: data as ChartRow[],
    title,
    desc: description,
    responsive: true,
    style: { width: '100%', height },
    margin: { top: 8, right: 16, bottom: 8, left: 8 },
  };
  const axes = (
    <>
      <CartesianGrid stroke="#dfe3e9" strokeDasharray="3 3" />
      <XAxis dataKey={xKey} stroke="#5d6b7e" />
      <YAxis stroke="#5d6b7e" tickFormatter={tick} width={80} />
      <Tooltip formatter={(value) => tick(value)} />
      {series.length > 1 ? <Legend /> : null}
    </>
  );

  return (
    <figure className="chart" aria-labelledby={titleId} aria-describedby={descId}>
      <figcaption>
        <span className="chart-title" id={titleId}>
          {title}
        </span>
        <span className="chart-description muted" id={descId}>
          {description}
        </span>
      </figcaption>
      {data.length === 0 ? (
        <p className="muted">No data yet.</p>
      ) : kind === 'line' ? (
        <LineChart {...common}>
          {axes}
          {series.map((s, i) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={colorOf(i, s)}
              strokeDasharray={DASHES[i % DASHES.length]}
              strokeWidth={2}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      ) : (
        <BarChart {...common}>
          {axes}
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={colorOf(i, s)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      )}
      {data.length > 0 ? (
        <details className="chart-data">
          <summary>Show the data as a table</summary>
          {/* Focusable: a keyboard can scroll it when it is wider than the screen. */}
          <div className="table-wrap" role="region" aria-label={`${title} data`} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{xLabel}</th>
                  {series.map((s) => (
                    <th key={s.key} scope="col" className="num">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.map((row, index) => (
                  <tr key={`${String(row[xKey])}-${index}`}>
                    <th scope="row">{String(row[xKey] ?? '')}</th>
                    {series.map((s) => {
                      const value = row[s.key];
                      return (
                        <td key={s.key} className="num">
                          {typeof value === 'number' ? formatValue(value) : (value ?? '—')}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </figure>
  );
}
