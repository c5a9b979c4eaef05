import { describe, expect, it } from 'vitest';
import { taxSnapshot } from './tax';

describe('taxSnapshot', () => {
  it('rounds half up in integer cents', () => {
    // 8.25% of $97.20 = 801.9 cents -> 802
    expect(taxSnapshot([9720], 825)).toEqual({
      subtotalCents: 9720,
      taxableSubtotalCents: 9720,
      taxCents: 802,
      taxRateBasis: 825,
      totalCents: 10522,
    });
  });
  it('treats a zero rate as nothing taxable', () => {
    expect(taxSnapshot([1000, 250], 0)).toEqual({
      subtotalCents: 1250,
      taxableSubtotalCents: 0,
      taxCents: 0,
      taxRateBasis: 0,
      totalCents: 1250,
    });
  });
  it('sums lines exactly', () => {
    expect(taxSnapshot([1, 2, 3], 1000).taxCents).toBe(1);
  });
});
