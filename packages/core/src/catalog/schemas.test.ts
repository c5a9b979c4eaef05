import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, summarizeFieldErrors } from '../errors';
import { createProductInput, customFieldInput } from './schemas';

function patternErrors(pattern: string): string[] {
  const parsed = customFieldInput.safeParse({ label: 'Code', fieldType: 'text', pattern });
  if (parsed.success) return [];
  return parsed.error.issues.filter((i) => i.path.join('.') === 'pattern').map((i) => i.message);
}

describe('custom-field pattern at save', () => {
  it('accepts patterns RE2 can run in linear time, including nested quantifiers', () => {
    expect(patternErrors('@?[A-Za-z0-9._]{1,30}')).toEqual([]);
    expect(patternErrors('(a+)+$')).toEqual([]);
  });

  it('refuses back-references and lookarounds in words, on the pattern field', () => {
    expect(patternErrors('(a)\\1')).toEqual([
      'Back-references (\\1, \\2, …) are not supported; describe the format without them',
    ]);
    expect(patternErrors('(?=a)b')).toEqual([
      'Lookaheads and lookbehinds ((?=…), (?!…), (?<=…)) are not supported',
    ]);
    expect(patternErrors('(?<=a)b')).toEqual([
      'Lookaheads and lookbehinds ((?=…), (?!…), (?<=…)) are not supported',
    ]);
    expect(patternErrors('[')).toEqual([
      'Not a valid pattern (use RE2 syntax: no back-references or lookarounds)',
    ]);
  });
});

describe('product input errors in words', () => {
  const base = { slug: 'tea', name: 'Tea', basePriceCents: 500, currency: 'USD' };
  const messagesOf = (input: unknown) => {
    const parsed = createProductInput.safeParse(input);
    return parsed.success
      ? {}
      : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('names the field and gives money limits in money', () => {
    expect(messagesOf({ ...base, basePriceCents: -1 })).toEqual({
      basePriceCents: 'Base price must be 0 or more',
    });
    expect(messagesOf({ ...base, basePriceCents: 100_000_001 })).toEqual({
      basePriceCents: 'Base price must be at most $1,000,000.00',
    });
    expect(
      messagesOf({
        ...base,
        configuration: { addOns: [{ label: 'Gift wrap', priceDeltaCents: 100_001 }] },
      }),
    ).toEqual({ 'configuration.addOns.0.priceDeltaCents': 'Price must be at most $1,000.00' });
  });

  it('says where a nested field sits when summarised', () => {
    const parsed = createProductInput.safeParse({
      ...base,
      configuration: {
        optionGroups: [
          {
            name: 'Size',
            selectionType: 'single',
            options: [{ label: 'XL', priceDeltaCents: -100_001 }],
          },
        ],
      },
    });
    expect(summarizeFieldErrors(fieldErrorsOf(parsed.error) ?? {})).toBe(
      'Option 1 in group 1: price change must be at least -$1,000.00',
    );
  });

  it('speaks in percent for a plan multiplier', () => {
    const plan = { label: 'Yearly', billingCycle: 'annual', priceMultiplierBps: 100_001 };
    expect(
      messagesOf({ ...base, configuration: { subscriptionPlans: [plan] } })[
        'configuration.subscriptionPlans.0.priceMultiplierBps'
      ],
    ).toBe('Price % must be at most 1,000 (ten times the price)');
  });
});
