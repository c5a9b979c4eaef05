import { describe, expect, it } from 'vitest';
import { isLastAttempt, retryDelaySeconds, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = {
  maxAttempts: 5,
  baseBackoffSeconds: 10,
  backoffMultiplier: 3,
  maxBackoffSeconds: 120,
  jitterSeconds: 4,
};

describe('retryDelaySeconds', () => {
  it('grows by the multiplier from the base, without jitter when random is 0', () => {
    const delays = [1, 2, 3].map((attempt) => retryDelaySeconds(policy, attempt, () => 0));
    expect(delays).toEqual([10, 30, 90]);
  });

  it('stops growing at the maximum', () => {
    expect(retryDelaySeconds(policy, 4, () => 0)).toBe(120);
    expect(retryDelaySeconds(policy, 40, () => 0)).toBe(120);
  });

  it('adds up to jitterSeconds on top, also at the cap', () => {
    expect(retryDelaySeconds(policy, 1, () => 0.5)).toBe(12);
    expect(retryDelaySeconds(policy, 9, () => 0.999)).toBeCloseTo(123.996);
    for (let i = 0; i < 50; i += 1) {
      const delay = retryDelaySeconds(policy, 2);
      expect(delay).toBeGreaterThanOrEqual(30);
      expect(delay).toBeLessThan(34);
    }
  });

  it('keeps the outbox schedule: base × 2^(attempt−1), capped at a day', () => {
    const outbox: RetryPolicy = {
      maxAttempts: 8,
      baseBackoffSeconds: 30,
      backoffMultiplier: 2,
      maxBackoffSeconds: 86_400,
      jitterSeconds: 0,
    };
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(outbox, n))).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(outbox, 20)).toBe(86_400);
  });
});

describe('isLastAttempt', () => {
  it('is true from maxAttempts on', () => {
    expect(isLastAttempt(policy, 4)).toBe(false);
    expect(isLastAttempt(policy, 5)).toBe(true);
    expect(isLastAttempt({ ...policy, maxAttempts: 1 }, 1)).toBe(true);
  });
});
