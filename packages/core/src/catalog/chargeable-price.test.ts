import { describe, expect, it } from 'vitest';
import type { PricedProduct } from './calculate-price';
import { chargeablePriceErrors, lowestPossibleTotalCents } from './chargeable-price';

const base: PricedProduct = {
  basePriceCents: 1000,
  currency: 'USD',
  optionGroups: [],
  addOns: [],
  customFields: [],
  subscriptionPlans: [],
};
const group = (
  isRequired: boolean,
  deltas: number[],
  selectionType: 'single' | 'multiple' = 'single',
) => ({
  id: `g${deltas.join('')}`,
  name: 'Size',
  selectionType,
  isRequired,
  options: deltas.map((d, i) => ({ id: `o${i}`, label: `O${i}`, priceDeltaCents: d })),
});

describe('chargeable price at save', () => {
  it('refuses base $10 with a required −$50 option, explaining the rule', () => {
    const product = { ...base, optionGroups: [group(true, [-5000, 0])] };
    expect(lowestPossibleTotalCents(product)).toBe(-4000);
    expect(chargeablePriceErrors(product)).toEqual({
      basePriceCents: [
        'The cheapest combination a customer can choose (base price, the cheapest option in each group, every discount) comes to -$40.00; a price cannot go below $0.00. Raise the base price or reduce the discounts.',
      ],
    });
  });

  it('counts every discount a customer can stack: optional groups, multiple choice, add-ons', () => {
    const product = {
      ...base,
      optionGroups: [group(false, [-300, 500]), group(false, [-200, -100], 'multiple')],
      addOns: [{ id: 'a', label: 'Coupon', priceDeltaCents: -400 }],
    };
    expect(lowestPossibleTotalCents(product)).toBe(0); // 1000 - 300 - (200 + 100) - 400
    expect(chargeablePriceErrors(product)).toEqual({});
    expect(chargeablePriceErrors({ ...product, basePriceCents: 999 }).basePriceCents?.[0]).toMatch(
      /comes to -\$0\.01;/,
    );
  });

  it('accepts free products and refuses a base below the processor minimum', () => {
    expect(chargeablePriceErrors({ ...base, basePriceCents: 0 })).toEqual({});
    expect(chargeablePriceErrors({ ...base, basePriceCents: 50 })).toEqual({});
    expect(chargeablePriceErrors({ ...base, basePriceCents: 49 }).basePriceCents).toEqual([
      'The payment processor cannot charge less than $0.50 in USD: set the base price to $0.00 (free) or at least $0.50.',
    ]);
    expect(
      chargeablePriceErrors({ ...base, currency: 'GBP', basePriceCents: 30 }).basePriceCents,
    ).toBeUndefined();
  });
});
