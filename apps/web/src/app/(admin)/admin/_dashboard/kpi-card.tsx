import { changeText } from './change';

/**
 * One figure for the range beside the previous period's. The change is written out
 * ("up 12%"), so it does not rest on colour or an arrow alone.
 */
export function KpiCard({
  label,
  current,
  previous,
  format,
}: {
  label: string;
  current: number | null;
  previous: number | null;
  format: (value: number) => string;
}) {
  const show = (value: number | null) => (value === null ? '—' : format(value));
  const change = changeText(current, previous);
  const tone = change.startsWith('up') ? 'kpi-up' : change.startsWith('down') ? 'kpi-down' : '';
  return (
    <div className="card kpi-card">
      <dt className="muted">{label}</dt>
      <dd>
        <strong className="kpi-value">{show(current)}</strong>
        <span className={`kpi-change ${tone}`}> {change}</span>
        <span className="muted kpi-previous"> (previous period {show(previous)})</span>
      </dd>
    </div>
  );
}
