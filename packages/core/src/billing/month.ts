import { monthPeriod } from '../org/usage-counters';

/** The calendar month (UTC) "YYYY-MM" names, as a half-open range [start, end). */
export function monthRange(month: string): { start: Date; end: Date } {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  return {
    start: new Date(Date.UTC(year, index, 1)),
    end: new Date(Date.UTC(year, index + 1, 1)),
  };
}

export function currentMonth(now = new Date()): string {
  return monthPeriod(now);
}
