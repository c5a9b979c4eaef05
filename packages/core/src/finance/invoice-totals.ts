import { divideRounded } from '../money';
import type { TaxSnapshot } from '../checkout/tax';

/**
 * An invoice's tax snapshot from its own line items, each at the rate stored on it: tax is
 * rounded once per rate, so a one-rate invoice comes out exactly as checkout issued it
 * (taxSnapshot). The org's current rate is never read.
 */
export function totalsFromLines(lines: { totalCents: number; taxRateBps: number }[]): TaxSnapshot {
  const byRate = new Map<number, number>();
  let subtotalCents = 0;
  for (const line of lines) {
    subtotalCents += line.totalCents;
    if (line.taxRateBps > 0) {
      byRate.set(line.taxRateBps, (byRate.get(line.taxRateBps) ?? 0) + line.totalCents);
    }
  }
  let taxableSubtotalCents = 0;
  let taxCents = 0;
  for (const [rateBps, cents] of byRate) {
    taxableSubtotalCents += cents;
    taxCents += divideRounded(cents * rateBps, 10_000);
  }
  const taxRateBasis =
    taxableSubtotalCents > 0 ? divideRounded(taxCents * 10_000, taxableSubtotalCents) : 0;
  return {
    subtotalCents,
    taxableSubtotalCents,
    taxCents,
    taxRateBasis,
    totalCents: subtotalCents + taxCents,
  };
}
