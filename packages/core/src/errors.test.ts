import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, describeFieldError, fieldErrorsOf, summarizeFieldErrors } from './errors';

describe('field errors in words', () => {
  it('flattens schema issues by input path and keeps AppError field errors', () => {
    const schema = z.object({ name: z.string().min(1, 'Name is required') });
    expect(fieldErrorsOf(schema.safeParse({ name: '' }).error)).toEqual({
      name: ['Name is required'],
    });
    expect(fieldErrorsOf(AppError.field('slug', 'That slug is taken'))).toEqual({
      slug: ['That slug is taken'],
    });
    expect(fieldErrorsOf(new Error('boom'))).toBeUndefined();
  });

  it('says where a nested field sits instead of its path', () => {
    expect(
      describeFieldError(
        'configuration.optionGroups.0.options.1.priceDeltaCents',
        'Price change must be at most $1,000.00',
      ),
    ).toBe('Option 2 in group 1: price change must be at most $1,000.00');
    expect(describeFieldError('configuration.addOns.2.label', 'Label is required')).toBe(
      'Add-on 3: label is required',
    );
    expect(describeFieldError('imageUrl', 'URLs are at most 2000 characters')).toBe(
      'URLs are at most 2000 characters',
    );
  });

  it('summarises the first error and counts the rest', () => {
    expect(
      summarizeFieldErrors({
        basePriceCents: ['Base price must be 0 or more'],
        slug: ['Slug is required'],
      }),
    ).toBe('Base price must be 0 or more (and 1 more)');
  });
});
