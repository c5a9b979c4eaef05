import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { bucketStarts, resolveDashboardRange } from './dashboard-range';

const NOW = new Date('2026-12-07T10:00:00Z');

describe('resolveDashboardRange', () => {
  it('defaults to the 30 days ending today (UTC), compared with the 30 before', () => {
    expect(resolveDashboardRange({}, NOW)).toEqual({
      from: '2026-11-08',
      to: '2026-12-07',
      days: 30,
      bucket: 'day',
      previousFrom: '2026-10-09',
      previousTo: '2026-11-07',
    });
  });

  it('charts per day up to 92 days and per week beyond', () => {
    expect(resolveDashboardRange({ from: '2026-01-01', to: '2026-04-02' }, NOW)).toMatchObject({
      days: 92,
      bucket: 'day',
    });
    const long = resolveDashboardRange({ from: '2026-01-01', to: '2026-04-03' }, NOW);
    expect(long).toMatchObject({ days: 93, bucket: 'week' });
    expect(bucketStarts(long).slice(0, 2)).toEqual(['2026-01-01', '2026-01-08']);
    expect(bucketStarts(long)).toHaveLength(14);
  });

  it('allows a leap year and refuses longer ranges or backwards ones in words', () => {
    expect(resolveDashboardRange({ from: '2024-01-01', to: '2024-12-31' }, NOW).days).toBe(366);
    const refusal = (from: string, to: string) => {
      try {
        resolveDashboardRange({ from, to }, NOW);
      } catch (error) {
        return error instanceof AppError ? error.details.fieldErrors : error;
      }
      return null;
    };
    expect(refusal('2024-01-01', '2025-01-01')).toEqual({
      from: ['The date range is at most 366 days'],
    });
    expect(refusal('2026-03-02', '2026-03-01')).toEqual({
      from: ['The start date must be on or before the end date'],
    });
  });
});
