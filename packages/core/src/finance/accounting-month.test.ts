import { describe, expect, it } from 'vitest';
import { accountingMonth, monthInput, previousAccountingMonth } from './accounting-month';

describe('accounting months', () => {
  it('covers a calendar month in UTC, end exclusive', () => {
    expect(accountingMonth('2026-02')).toEqual({
      label: '2026-02',
      periodStart: new Date('2026-02-01T00:00:00Z'),
      periodEnd: new Date('2026-03-01T00:00:00Z'),
    });
    expect(accountingMonth('2026-12').periodEnd).toEqual(new Date('2027-01-01T00:00:00Z'));
  });

  it('defaults to the month before the run, across a year end', () => {
    expect(previousAccountingMonth(new Date('2027-01-01T03:00:00Z')).label).toBe('2026-12');
    expect(previousAccountingMonth(new Date('2026-07-31T23:59:00Z')).label).toBe('2026-06');
  });

  it('refuses what is not a month, in words', () => {
    expect(monthInput().safeParse('2026-07').success).toBe(true);
    const bad = monthInput().safeParse('2026-13');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Must be a month (YYYY-MM)');
    expect(monthInput().safeParse('1899-01').success).toBe(false);
  });
});
