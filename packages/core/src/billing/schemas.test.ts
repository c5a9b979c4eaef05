import { describe, expect, it } from 'vitest';
import { monthRange } from './month';
import {
  billingReasonInput,
  bpsToPercent,
  percentToBps,
  taxRateForm,
  usageReportInput,
} from './schemas';

describe('tax rate as a percentage', () => {
  it('turns what a person types into exact basis points and back', () => {
    expect(['8.25', '7', '0.5', '0', '100', '12.1'].map(percentToBps)).toEqual([
      825, 700, 50, 0, 10_000, 1_210,
    ]);
    expect([825, 700, 50, 0, 10_000, 1_210, 1].map(bpsToPercent)).toEqual([
      '8.25',
      '7',
      '0.5',
      '0',
      '100',
      '12.1',
      '0.01',
    ]);
  });

  it('refuses more than 100%, three decimals and words, in words', () => {
    const message = (percent: string) =>
      taxRateForm.safeParse({ percent }).error?.issues[0]?.message;
    expect(message('100.01')).toBe('Tax rate must be at most 100%');
    expect(message('8.255')).toMatch(/at most two decimals/);
    expect(message('eight')).toMatch(/at most two decimals/);
    expect(message('8.25')).toBeUndefined();
  });
});

describe('reason codes and months', () => {
  it('a reason code is 1 to 64 characters', () => {
    expect(billingReasonInput.safeParse({ reasonCode: 'x'.repeat(64) }).success).toBe(true);
    expect(
      billingReasonInput.safeParse({ reasonCode: 'x'.repeat(65) }).error?.issues[0]?.message,
    ).toBe('Reason code must be at most 64 characters');
    expect(billingReasonInput.safeParse({ reasonCode: '  ' }).success).toBe(false);
  });

  it('a month is YYYY-MM and covers its calendar month in UTC', () => {
    expect(usageReportInput.safeParse({ month: '2026-12' }).success).toBe(true);
    for (const month of ['2026-00', '2026-13', '26-12', '2026-12-01', '1800-01']) {
      expect(usageReportInput.safeParse({ month }).success, month).toBe(false);
    }
    expect(monthRange('2026-12')).toEqual({
      start: new Date('2026-12-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
    expect(monthRange('2028-02').end).toEqual(new Date('2028-03-01T00:00:00Z'));
  });
});
