import { formatNumber } from '@souk/ui';

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/** 10737418240 -> "10 GB" (binary multiples, as storage limits are set). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0).replace(/\.0$/, '');
  return `${shown} ${UNITS[unit]}`;
}

/** A usage figure or limit as people read it. */
export function formatUsage(metric: string, value: number): string {
  return metric === 'storage_bytes' ? formatBytes(value) : formatNumber(value);
}
