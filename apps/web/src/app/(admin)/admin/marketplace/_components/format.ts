import { formatMoney } from '@souk/core/money';
import { formatDate, formatDateTime } from '@souk/ui';

/** A calendar date (stored as midnight UTC) without a time zone shift. */
export function dateOnly(date: Date | null): string {
  return formatDate(date);
}

/** Same characters on the server and in every browser: no hydration mismatch. */
export function dateTime(date: Date | null): string {
  return formatDateTime(date);
}

export function moneyOrDash(cents: number | null, currency: string): string {
  return cents === null ? '—' : formatMoney(cents, currency);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
