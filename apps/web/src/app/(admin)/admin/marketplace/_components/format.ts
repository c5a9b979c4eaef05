import { formatMoney } from '@souk/core/money';

/** A calendar date (stored as midnight UTC) without a time zone shift. */
export function dateOnly(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : '—';
}

export function dateTime(date: Date | null): string {
  return date ? date.toLocaleString() : '—';
}

export function moneyOrDash(cents: number | null, currency: string): string {
  return cents === null ? '—' : formatMoney(cents, currency);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
