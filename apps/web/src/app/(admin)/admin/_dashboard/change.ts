/** How a figure moved against the previous period, in words a screen reader says too. */
export function changeText(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return 'no comparison';
  if (current === previous) return 'no change';
  if (previous === 0) return current > 0 ? 'up from none' : 'down from none';
  const percent = Math.round((Math.abs(current - previous) * 100) / Math.abs(previous));
  return `${current > previous ? 'up' : 'down'} ${percent}%`;
}

/** Basis points as a percentage with two decimals ("57.14%"), without floating point. */
export function formatBps(bps: number | null): string {
  if (bps === null) return '—';
  return `${Math.floor(bps / 100)}.${String(bps % 100).padStart(2, '0')}%`;
}
