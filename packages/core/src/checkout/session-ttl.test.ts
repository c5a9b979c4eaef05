import { describe, expect, it } from 'vitest';
import { CHECKOUT_SESSION_TTL_MAX_MINUTES, checkoutSessionTtlMinutes, coreEnv } from '../env';

describe('CHECKOUT_SESSION_TTL_MINUTES', () => {
  it('defaults to 23 h 50 min, 10 minutes inside Stripe’s 24 h limit', () => {
    expect(CHECKOUT_SESSION_TTL_MAX_MINUTES).toBe(23 * 60 + 50);
    expect(checkoutSessionTtlMinutes.parse(undefined)).toBe(1430);
    expect(coreEnv.CHECKOUT_SESSION_TTL_MINUTES).toBeLessThanOrEqual(1430);
  });

  it('refuses the full 24 h (and anything above the margin) in words', () => {
    const refused = checkoutSessionTtlMinutes.safeParse('1440');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(
      'CHECKOUT_SESSION_TTL_MINUTES must be at most 1430 (23 h 50 min): Stripe allows 24 h and we keep 10 minutes for clock drift',
    );
    expect(checkoutSessionTtlMinutes.safeParse('1431').success).toBe(false);
    expect(checkoutSessionTtlMinutes.parse('1430')).toBe(1430);
    expect(checkoutSessionTtlMinutes.safeParse('29').error?.issues[0]?.message).toBe(
      'CHECKOUT_SESSION_TTL_MINUTES must be at least 30 (Stripe’s minimum)',
    );
  });
});
