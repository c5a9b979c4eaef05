import { formatMoney } from '@souk/core/money';

/** An amount of one side, or a dash when that side has none. */
export function sideAmount(cents: number | null, currency: string | null): string {
  return cents === null ? '—' : formatMoney(cents, currency ?? 'USD');
}
