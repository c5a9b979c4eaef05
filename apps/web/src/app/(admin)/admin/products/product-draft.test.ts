import { describe, expect, it } from 'vitest';
import { draftToInput, emptyDraft, emptyGroup, emptyPlan, move, slugify } from './product-draft';

describe('product draft', () => {
  it('turns typed amounts into integer cents and percentages into basis points', () => {
    const d = emptyDraft();
    d.name = 'Kit';
    d.slug = 'kit';
    d.basePrice = '49.99';
    const g = emptyGroup();
    g.options[0]!.price = '0.29';
    d.optionGroups = [g];
    const plan = emptyPlan();
    plan.multiplierPercent = '87.5';
    plan.delta = '-5';
    d.subscriptionPlans = [plan];
    const { input, errors } = draftToInput(d);
    expect(errors).toEqual({});
    expect(input.basePriceCents).toBe(4999);
    expect(input.configuration?.optionGroups?.[0]?.options[0]?.priceDeltaCents).toBe(29);
    expect(input.configuration?.subscriptionPlans?.[0]).toMatchObject({
      priceMultiplierBps: 8750,
      priceDeltaCents: -500,
    });
  });

  it('reports unparseable amounts under the API field path', () => {
    const d = emptyDraft();
    d.basePrice = 'twelve';
    const g = emptyGroup();
    g.options[0]!.price = '1.234';
    d.optionGroups = [g];
    const { errors } = draftToInput(d);
    expect(errors).toEqual({
      basePriceCents: 'Enter an amount like 12.50',
      'configuration.optionGroups.0.options.0.priceDeltaCents': 'Enter an amount like 12.50',
    });
  });

  it('suggests slugs and reorders lists', () => {
    expect(slugify('  Crème Brûlée Box! 2025 ')).toBe('creme-brulee-box-2025');
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
