import { describe, expect, it } from 'vitest';
import {
  checkoutSessionIdParam,
  productSlugParam,
  resumeTokenParam,
  uuidParam,
  validParam,
} from './params';

describe('page parameters', () => {
  it('accepts what real links carry', () => {
    expect(validParam(productSlugParam, 'instagram-growth')).toBe('instagram-growth');
    expect(validParam(uuidParam, '0b6f1c9e-3c1a-4a8e-9d43-6f1f0f3c2a11')).toBe(
      '0b6f1c9e-3c1a-4a8e-9d43-6f1f0f3c2a11',
    );
    expect(validParam(checkoutSessionIdParam, 'cs_test_a1B2c3')).toBe('cs_test_a1B2c3');
    expect(
      validParam(
        resumeTokenParam,
        '0b6f1c9e-3c1a-4a8e-9d43-6f1f0f3c2a11.AbC_d-12345678901234567890123456',
      ),
    ).not.toBeNull();
  });

  it('turns what would have been a 500 into null (the page answers 404)', () => {
    expect(validParam(productSlugParam, 'a'.repeat(5000))).toBeNull();
    expect(validParam(productSlugParam, 'bad\u0000slug')).toBeNull();
    expect(validParam(checkoutSessionIdParam, '\u0000')).toBeNull();
    expect(validParam(checkoutSessionIdParam, ['cs_1', 'cs_2'])).toBeNull();
    expect(validParam(checkoutSessionIdParam, undefined)).toBeNull();
    expect(validParam(uuidParam, 'not-a-uuid')).toBeNull();
    expect(validParam(uuidParam, "1' or '1'='1")).toBeNull();
    expect(validParam(resumeTokenParam, 'x'.repeat(201))).toBeNull();
    expect(validParam(resumeTokenParam, 'no-dot')).toBeNull();
  });
});
