import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  cents,
  dateOnly,
  dateTime,
  int,
  isSafeSchema,
  partialUpdate,
  slug,
  text,
  uuidId,
} from './validation';

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('shared input schemas', () => {
  it('refuse U+0000 and lone surrogates in words, and keep paired emoji', () => {
    const name = text({ max: 50 });
    expect(messages(name, 'a\u0000b')).toEqual(['Contains a character that is not allowed']);
    expect(messages(name, 'a\uD800b')).toEqual(['Contains a character that is not allowed']);
    expect(messages(name, 'a\uDC00')).toEqual(['Contains a character that is not allowed']);
    expect(name.parse('  party 🎉 ')).toBe('party 🎉');
  });

  it('always bound length, with the label in the message', () => {
    expect(messages(text({ max: 5, label: 'City' }), 'x'.repeat(100_000))).toEqual([
      'City is at most 5 characters',
    ]);
    expect(messages(slug(), 'x'.repeat(5000))).toContain('Slug is at most 80 characters');
  });

  it('refuse years Postgres cannot hold (year 0, -271821) with a message in words', () => {
    expect(messages(dateOnly('Bad date', 'The event year'), '0000-01-01')).toEqual([
      'The event year must be between 1900 and 2200',
    ]);
    expect(messages(dateTime(), new Date(-8.64e15))).toEqual([
      'The date must be between 1900 and 2200',
    ]);
    expect(messages(dateTime(), '-271821-04-20T00:00:00.000Z')).toEqual([
      'The date must be between 1900 and 2200',
    ]);
    expect(dateOnly().parse('2031-06-15')).toBe('2031-06-15');
  });

  it('keep integers inside int4 and cents whole and non-negative', () => {
    expect(messages(int(), 1e20)).not.toEqual([]);
    expect(messages(int(), 2_147_483_648)).toEqual(['Must be at most 2147483647']);
    expect(messages(cents({ label: 'Budget' }), -1)).toEqual(['Budget cannot be negative']);
    expect(messages(cents({ label: 'Budget' }), 1.5)).toEqual([
      'Budget must be a whole number of cents',
    ]);
  });

  it('are marked, and stay marked when a check is chained', () => {
    expect(isSafeSchema(text({ max: 3 }))).toBe(true);
    expect(isSafeSchema(text({ max: 30 }).min(2, 'At least 2'))).toBe(true);
    expect(isSafeSchema(uuidId())).toBe(true);
    expect(isSafeSchema(z.string().max(3))).toBe(false);
  });

  it('partialUpdate leaves out what was not sent instead of applying create defaults', () => {
    const create = z.object({
      name: text({ max: 10 }),
      description: text({ max: 10 }).default(''),
      status: z.enum(['draft', 'active']).default('draft'),
    });
    expect(create.partial().parse({ name: 'x' })).toEqual({
      name: 'x',
      description: '',
      status: 'draft',
    });
    expect(partialUpdate(create).parse({ name: 'x' })).toEqual({ name: 'x' });
  });
});
