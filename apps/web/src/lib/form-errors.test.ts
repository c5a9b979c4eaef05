import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { countFieldErrors, fieldMessage, formErrors } from './form-errors';

function failure(message: string, code: string, fieldErrors: Record<string, string[]> | null) {
  return new TRPCClientError(message, {
    result: { error: { message, code: -32600, data: { code, fieldErrors } } },
  });
}

describe('form errors from a failed procedure', () => {
  it('puts every error beside its field and the summary only counts them', () => {
    const error = failure('Base price must be 0 or more (and 1 more)', 'BAD_REQUEST', {
      basePriceCents: ['Base price must be 0 or more'],
      slug: ['Slug is required'],
    });
    expect(formErrors(error)).toEqual({
      summary: '2 fields need attention.',
      fieldErrors: { basePriceCents: 'Base price must be 0 or more', slug: 'Slug is required' },
      code: 'BAD_REQUEST',
    });
  });

  it('says in words, with where it sits, an error the form has no field for', () => {
    const error = failure('x', 'BAD_REQUEST', {
      name: ['Name is required'],
      'configuration.addOns.0.priceDeltaCents': ['Price must be at most $1,000.00'],
    });
    expect(formErrors(error, { shown: ['name'] })).toMatchObject({
      summary: 'Add-on 1: price must be at most $1,000.00. 1 field needs attention.',
      fieldErrors: { name: 'Name is required' },
    });
  });

  it('keeps a message without field errors, and names the code to branch on', () => {
    expect(formErrors(failure('Sign in to continue', 'UNAUTHORIZED', null))).toEqual({
      summary: 'Sign in to continue',
      fieldErrors: {},
      code: 'UNAUTHORIZED',
    });
    expect(formErrors(new Error('socket hang up')).summary).toBe(
      'Something went wrong. Please try again.',
    );
  });

  it('maps API paths to the form’s own field names', () => {
    const error = failure('x', 'BAD_REQUEST', { basePriceCents: ['Base price must be 0 or more'] });
    const toField = (path: string) => (path === 'basePriceCents' ? 'basePrice' : path);
    expect(formErrors(error, { toField }).fieldErrors).toEqual({
      basePrice: 'Base price must be 0 or more',
    });
  });

  it('finds a nested message and counts nested hook-form errors', () => {
    expect(fieldMessage({ 'serviceVendorIds.2': 'Unknown vendor' }, 'serviceVendorIds')).toBe(
      'Unknown vendor',
    );
    expect(
      countFieldErrors({
        name: { type: 'too_small', message: 'Name is required' },
        addOns: [undefined, { price: { type: 'custom', message: 'Enter an amount like 12.50' } }],
      } as never),
    ).toBe(2);
  });
});
