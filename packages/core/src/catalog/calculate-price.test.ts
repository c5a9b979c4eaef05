import { describe, expect, it } from 'vitest';
import { calculatePrice, emptySelection, type PricedProduct } from './calculate-price';

const product: PricedProduct = {
  basePriceCents: 4900,
  currency: 'USD',
  optionGroups: [
    {
      id: 'g-size',
      name: 'Audience size',
      selectionType: 'single',
      isRequired: true,
      options: [
        { id: 'o-1k', label: '1k followers', priceDeltaCents: 0 },
        { id: 'o-5k', label: '5k followers', priceDeltaCents: 2500 },
      ],
    },
    {
      id: 'g-extras',
      name: 'Channels',
      selectionType: 'multiple',
      isRequired: false,
      options: [
        { id: 'o-reels', label: 'Reels', priceDeltaCents: 1000 },
        { id: 'o-stories', label: 'Stories', priceDeltaCents: 750 },
        { id: 'o-discount', label: 'No captions', priceDeltaCents: -333 },
      ],
    },
  ],
  addOns: [{ id: 'a-report', label: 'Weekly report', priceDeltaCents: 1299 }],
  customFields: [
    {
      id: 'f-handle',
      label: 'Instagram handle',
      fieldType: 'text',
      isRequired: true,
      minLength: 2,
      maxLength: 30,
      pattern: '@?[A-Za-z0-9._]+',
      minValue: null,
      maxValue: null,
    },
    {
      id: 'f-site',
      label: 'Website',
      fieldType: 'url',
      isRequired: false,
      minLength: null,
      maxLength: null,
      pattern: null,
      minValue: null,
      maxValue: null,
    },
    {
      id: 'f-posts',
      label: 'Posts per week',
      fieldType: 'number',
      isRequired: false,
      minLength: null,
      maxLength: null,
      pattern: null,
      minValue: 1,
      maxValue: 14,
    },
  ],
  subscriptionPlans: [
    {
      id: 'p-once',
      label: 'One time',
      priceMultiplierBps: null,
      priceDeltaCents: null,
      isDefault: true,
    },
    { id: 'p-quarter', label: 'Quarterly (-10%)', priceMultiplierBps: 9000, priceDeltaCents: null },
    { id: 'p-annual', label: 'Annual', priceMultiplierBps: 8333, priceDeltaCents: -100 },
  ],
};

const valid = {
  options: { 'g-size': ['o-5k'] },
  addOnIds: [],
  planId: 'p-once',
  customFields: { 'f-handle': '@souk.shop' },
};

describe('calculatePrice', () => {
  it('adds base, single option, multiple options and add-ons', () => {
    const quote = calculatePrice(product, {
      ...valid,
      options: { 'g-size': ['o-5k'], 'g-extras': ['o-stories', 'o-reels'] },
      addOnIds: ['a-report'],
    });
    expect(quote.issues).toEqual([]);
    expect(quote.subtotalCents).toBe(4900 + 2500 + 1000 + 750 + 1299);
    expect(quote.totalCents).toBe(10449);
    // display order, not selection order
    expect(quote.lines.map((l) => l.label)).toEqual([
      'Base price',
      'Audience size: 5k followers',
      'Channels: Reels',
      'Channels: Stories',
      'Weekly report',
    ]);
  });

  it('applies negative deltas', () => {
    const quote = calculatePrice(product, {
      ...valid,
      options: { 'g-size': ['o-1k'], 'g-extras': ['o-discount'] },
    });
    expect(quote.totalCents).toBe(4900 - 333);
  });

  it('reports a missing required group but still prices the rest', () => {
    const quote = calculatePrice(product, { ...valid, options: {} });
    expect(quote.issues).toContainEqual({
      field: 'options.g-size',
      message: 'Choose an option for Audience size',
    });
    expect(quote.totalCents).toBe(4900);
  });

  it('refuses two options in a single-select group', () => {
    const quote = calculatePrice(product, { ...valid, options: { 'g-size': ['o-1k', 'o-5k'] } });
    expect(quote.issues.map((i) => i.message)).toContain(
      'Choose only one option for Audience size',
    );
  });

  it('flags unknown group, option, add-on and plan ids and does not price them', () => {
    const quote = calculatePrice(product, {
      ...valid,
      options: { 'g-size': ['o-5k', 'nope'], 'g-ghost': ['x'] },
      addOnIds: ['a-ghost'],
      planId: 'p-ghost',
    });
    expect(quote.issues.map((i) => i.field).sort()).toEqual(
      ['addOns', 'options.g-ghost', 'options.g-size', 'plan'].sort(),
    );
    expect(quote.totalCents).toBe(4900 + 2500);
  });

  it('applies a plan multiplier with half-up rounding to cents', () => {
    // 7400 * 0.9 = 6660 exactly
    expect(calculatePrice(product, { ...valid, planId: 'p-quarter' }).totalCents).toBe(6660);
    // 7400 * 0.8333 = 6166.42 -> 6166, then -100 delta
    const annual = calculatePrice(product, { ...valid, planId: 'p-annual' });
    expect(annual.totalCents).toBe(6066);
    expect(annual.lines.at(-1)).toEqual({
      kind: 'plan',
      label: 'Annual',
      amountCents: 6066 - 7400,
    });
    // 4900 + 2500 + 750 = 8150 * 0.8333 = 6791.395 -> 6791; half-up check on .5:
    const half: PricedProduct = {
      ...product,
      basePriceCents: 5,
      optionGroups: [],
      customFields: [],
      subscriptionPlans: [
        { id: 'p', label: 'Half', priceMultiplierBps: 5000, priceDeltaCents: null },
      ],
    };
    expect(
      calculatePrice(half, { options: {}, addOnIds: [], planId: 'p', customFields: {} }).totalCents,
    ).toBe(3);
  });

  it('requires a plan when the product has plans, and preselects the default', () => {
    expect(emptySelection(product).planId).toBe('p-once');
    const quote = calculatePrice(product, { ...valid, planId: null });
    expect(quote.issues).toContainEqual({ field: 'plan', message: 'Choose a plan' });
  });

  it('validates custom fields: required, length, pattern, url, number range', () => {
    const issuesFor = (customFields: Record<string, string>) =>
      calculatePrice(product, { ...valid, customFields }).issues.map((i) => i.message);
    expect(issuesFor({})).toContain('Instagram handle is required');
    expect(issuesFor({ 'f-handle': 'a' })).toContain(
      'Instagram handle must be at least 2 characters',
    );
    expect(issuesFor({ 'f-handle': 'x'.repeat(31) })).toContain(
      'Instagram handle must be at most 30 characters',
    );
    expect(issuesFor({ 'f-handle': 'has space' })).toContain(
      'Instagram handle is not in the expected format',
    );
    expect(issuesFor({ 'f-handle': 'ok', 'f-site': 'not a url' })).toContain(
      'Website must be a valid URL (https://…)',
    );
    expect(issuesFor({ 'f-handle': 'ok', 'f-site': 'https://souk.example' })).toEqual([]);
    expect(issuesFor({ 'f-handle': 'ok', 'f-posts': '0' })).toContain(
      'Posts per week must be at least 1',
    );
    expect(issuesFor({ 'f-handle': 'ok', 'f-posts': '15' })).toContain(
      'Posts per week must be at most 14',
    );
    expect(issuesFor({ 'f-handle': 'ok', 'f-posts': '2.5' })).toContain(
      'Posts per week must be a whole number',
    );
  });

  it('refuses a negative total instead of clamping it to a free order', () => {
    const cheap: PricedProduct = {
      ...product,
      basePriceCents: 100,
      optionGroups: [],
      customFields: [],
      subscriptionPlans: [],
      addOns: [{ id: 'a', label: 'Coupon', priceDeltaCents: -500 }],
    };
    const quote = calculatePrice(cheap, {
      options: {},
      addOnIds: ['a'],
      planId: null,
      customFields: {},
    });
    expect(quote.subtotalCents).toBe(-400);
    expect(quote.totalCents).toBe(-400);
    expect(quote.issues).toEqual([
      {
        field: 'total',
        message: 'This combination comes to less than nothing; choose other options',
      },
    ]);
  });

  describe("custom-field patterns (admin-written, run on shoppers' input)", () => {
    const withPattern = (pattern: string, maxLength: number | null = null): PricedProduct => ({
      ...product,
      optionGroups: [],
      subscriptionPlans: [],
      customFields: [
        {
          id: 'f-code',
          label: 'Code',
          fieldType: 'text',
          isRequired: true,
          minLength: null,
          maxLength,
          pattern,
          minValue: null,
          maxValue: null,
        },
      ],
    });
    const issuesFor = (p: PricedProduct, value: string) =>
      calculatePrice(p, {
        options: {},
        addOnIds: [],
        planId: null,
        customFields: { 'f-code': value },
      }).issues.map((i) => i.message);

    it('evaluates a catastrophic-backtracking pattern in linear time', () => {
      const started = performance.now();
      expect(issuesFor(withPattern('(a+)+$'), `${'a'.repeat(30)}b`)).toEqual([
        'Code is not in the expected format',
      ]);
      expect(issuesFor(withPattern('(a+)+$'), 'a'.repeat(30))).toEqual([]);
      // A backtracking engine needs seconds (minutes at n=35) for this; RE2 needs microseconds.
      expect(performance.now() - started).toBeLessThan(2000);
    });

    it('caps the input a pattern runs on: the field maximum, else 1,000 characters', () => {
      expect(issuesFor(withPattern('a*'), 'a'.repeat(1000))).toEqual([]);
      expect(issuesFor(withPattern('a*'), 'a'.repeat(1001))).toEqual([
        'Code must be at most 1000 characters',
      ]);
      expect(issuesFor(withPattern('a*', 5), 'aaaaaa')).toEqual([
        'Code must be at most 5 characters',
      ]);
    });

    it('matches the whole value, as before', () => {
      expect(issuesFor(withPattern('[0-9]{3}'), '123')).toEqual([]);
      expect(issuesFor(withPattern('[0-9]{3}'), 'x123')).toEqual([
        'Code is not in the expected format',
      ]);
    });
  });
});
