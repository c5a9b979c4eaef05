import { divideRounded } from '../money';

export interface TaxSnapshot {
  subtotalCents: number;
  taxableSubtotalCents: number;
  taxCents: number;
  /** Effective rate in basis points, derived from the stored amounts. */
  taxRateBasis: number;
  totalCents: number;
}

/** Computed once when an invoice is issued; stored and never recomputed. */
export function taxSnapshot(lineTotalsCents: number[], rateBps: number): TaxSnapshot {
  const subtotalCents = lineTotalsCents.reduce((sum, cents) => sum + cents, 0);
  const taxableSubtotalCents = rateBps > 0 ? subtotalCents : 0;
  const taxCents = rateBps > 0 ? divideRounded(taxableSubtotalCents * rateBps, 10_000) : 0;
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
