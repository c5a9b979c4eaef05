import { describe, expect, it } from 'vitest';
import { INVALID_CHECKOUT_REQUEST, parseCheckoutActionInput } from './checkout-action-input';

const selection = { options: {}, addOnIds: [], planId: null, customFields: {} };

describe('parseCheckoutActionInput (the checkout server action’s argument)', () => {
  it('passes what the configurator sends', () => {
    expect(
      parseCheckoutActionInput({ productSlug: 'instagram-growth', quantity: 1, selection }),
    ).toEqual({ ok: true, input: { productSlug: 'instagram-growth', quantity: 1, selection } });
  });

  it('answers junk bodies in words instead of throwing', () => {
    const junk: unknown[] = [
      null,
      undefined,
      'junk',
      42,
      [],
      new FormData(),
      { productSlug: 'a'.repeat(5000), quantity: 1, selection },
      { productSlug: 'bad\u0000slug', quantity: 1, selection },
      { productSlug: '../../admin', quantity: 1, selection },
      { productSlug: 'instagram-growth', quantity: 1, selection: 'junk' },
    ];
    for (const raw of junk) {
      expect(parseCheckoutActionInput(raw)).toMatchObject({
        ok: false,
        message: INVALID_CHECKOUT_REQUEST,
      });
    }
  });

  it('names the field when one part of a real selection is wrong', () => {
    const result = parseCheckoutActionInput({
      productSlug: 'instagram-growth',
      quantity: 1,
      selection: { ...selection, customFields: { handle: 'x'.repeat(2001) } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors)).toEqual(['customFields.handle']);
    expect(result.message).toBe(result.fieldErrors['customFields.handle']?.[0]);
  });

  it('says what is wrong with the quantity', () => {
    for (const quantity of [1.5, 0, 1e9, '2']) {
      const result = parseCheckoutActionInput({
        productSlug: 'instagram-growth',
        quantity,
        selection,
      });
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^Quantity /) });
    }
  });
});
