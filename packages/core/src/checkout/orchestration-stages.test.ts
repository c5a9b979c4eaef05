import { describe, expect, it } from 'vitest';
import { isAfter, nextStage, STAGES } from './orchestration-stages';

describe('orchestration stages', () => {
  it('advance one step at a time and stop at completed', () => {
    expect(nextStage('payment')).toBe('identity_verification');
    expect(nextStage('identity_verification')).toBe('loyalty_hold');
    expect(nextStage('loyalty_hold')).toBe('fulfillment_readiness');
    expect(nextStage('fulfillment_readiness')).toBe('completed');
    expect(nextStage('completed')).toBeNull();
  });
  it('orders stages so nothing regresses', () => {
    expect(isAfter('loyalty_hold', 'payment')).toBe(true);
    expect(isAfter('payment', 'loyalty_hold')).toBe(false);
    expect(isAfter('payment', 'payment')).toBe(false);
    expect(STAGES).toHaveLength(5);
  });
});
