import { describe, expect, it } from 'vitest';
import { isStillPayable, payStep } from './pay-step';

const REAL = {
  payUrl: null,
  clientSecret: 'pi_123_secret_abc',
  amountCents: 63_000,
  currency: 'USD',
};

describe('payStep: what a pay click leads to', () => {
  it('sandbox: goes to its hosted page, with or without a publishable key', () => {
    const sandbox = { ...REAL, payUrl: 'http://127.0.0.1:3002/pay/payment_intents/pi_123' };
    expect(payStep(sandbox, null)).toEqual({ kind: 'redirect', url: sandbox.payUrl });
    expect(payStep(sandbox, 'pk_test_123')).toEqual({ kind: 'redirect', url: sandbox.payUrl });
  });

  it('real Stripe with a publishable key: the card form for exactly that client secret', () => {
    expect(payStep(REAL, 'pk_test_123')).toEqual({
      kind: 'card',
      clientSecret: 'pi_123_secret_abc',
      amountCents: 63_000,
      currency: 'USD',
    });
  });

  it('real Stripe without a publishable key (or without a client secret): unconfigured', () => {
    expect(payStep(REAL, null)).toEqual({ kind: 'unconfigured' });
    expect(payStep(REAL, undefined)).toEqual({ kind: 'unconfigured' });
    expect(payStep(REAL, '')).toEqual({ kind: 'unconfigured' });
    expect(payStep({ ...REAL, clientSecret: '' }, 'pk_test_123')).toEqual({
      kind: 'unconfigured',
    });
  });
});

describe('isStillPayable: the card form stays until the webhook settles its intent', () => {
  const row = (status: string) => [{ processorPaymentIntentId: 'pi_123', status }];
  it('is payable while the intent is open or not listed yet', () => {
    expect(isStillPayable([], 'pi_123')).toBe(true);
    expect(isStillPayable(row('requires_payment'), 'pi_123')).toBe(true);
    expect(isStillPayable(row('succeeded'), 'pi_other')).toBe(true);
  });
  it('closes once that intent succeeded, failed or was canceled', () => {
    for (const status of ['succeeded', 'failed', 'canceled']) {
      expect(isStillPayable(row(status), 'pi_123')).toBe(false);
    }
  });
});
