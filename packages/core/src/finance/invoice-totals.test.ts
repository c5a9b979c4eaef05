import { describe, expect, it } from 'vitest';
import { taxSnapshot } from '../checkout/tax';
import { totalsFromLines } from './invoice-totals';

describe('totalsFromLines', () => {
  it('gives what checkout issued for lines at one rate', () => {
    const lines = [12_345, 6_789, 1];
    expect(totalsFromLines(lines.map((totalCents) => ({ totalCents, taxRateBps: 825 })))).toEqual(
      taxSnapshot(lines, 825),
    );
  });

  it('taxes only lines with a rate, each at its own rate', () => {
    expect(
      totalsFromLines([
        { totalCents: 10_000, taxRateBps: 1_000 },
        { totalCents: 5_000, taxRateBps: 500 },
        { totalCents: 2_500, taxRateBps: 0 },
      ]),
    ).toEqual({
      subtotalCents: 17_500,
      taxableSubtotalCents: 15_000,
      taxCents: 1_250,
      taxRateBasis: 833,
      totalCents: 18_750,
    });
  });

  it('is all zeros for an invoice without lines', () => {
    expect(totalsFromLines([])).toEqual({
      subtotalCents: 0,
      taxableSubtotalCents: 0,
      taxCents: 0,
      taxRateBasis: 0,
      totalCents: 0,
    });
  });
});
