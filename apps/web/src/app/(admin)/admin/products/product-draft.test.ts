import { describe, expect, it } from 'vitest';
import {
  draftField,
  draftToInput,
  emptyAddOn,
  emptyDraft,
  emptyGroup,
  emptyPlan,
  productDraftSchema,
  slugify,
} from './product-draft';

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

  it('suggests slugs', () => {
    expect(slugify('  Crème Brûlée Box! 2025 ')).toBe('creme-brulee-box-2025');
  });

  it('names API paths as the editor’s fields, or none when the editor has no input', () => {
    expect(draftField('basePriceCents')).toBe('basePrice');
    expect(draftField('configuration.optionGroups.1.options.0.priceDeltaCents')).toBe(
      'optionGroups.1.options.0.price',
    );
    expect(draftField('configuration.subscriptionPlans.0.priceMultiplierBps')).toBe(
      'subscriptionPlans.0.multiplierPercent',
    );
    expect(draftField('configuration.customFields.0.helpText')).toBeNull();
  });

  it('checks the draft with the core schema, in words, on the editor’s fields', () => {
    const d = emptyDraft();
    d.name = 'Kit';
    d.slug = 'Not A Slug';
    d.basePrice = '10';
    const addOn = emptyAddOn();
    addOn.label = 'Too pricey';
    addOn.price = '1000.01';
    d.addOns = [addOn];
    const parsed = productDraftSchema.safeParse(d);
    const issues = Object.fromEntries(
      (parsed.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]),
    );
    expect(issues).toEqual({
      slug: 'Slug can only use lowercase letters, numbers and single dashes',
      'addOns.0.price': 'Price must be at most $1,000.00',
    });
  });
});
