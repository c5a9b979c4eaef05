import { AppError } from '../errors';
import type { GetDashboardInput } from './schemas';

export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;
/** Longer ranges are charted per week: a point per day stops being readable. */
export const DAILY_BUCKET_MAX_DAYS = 92;

const DAY_MS = 86_400_000;

export interface DashboardRange {
  /** First day, YYYY-MM-DD (UTC). */
  from: string;
  /** Last day, included. */
  to: string;
  days: number;
  bucket: 'day' | 'week';
  /** The period of equal length just before: the figures are compared with it. */
  previousFrom: string;
  previousTo: string;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/**
 * The range asked for, with its defaults filled in: `to` defaults to today (UTC), `from` to
 * 30 days ending on `to`. Refused in words when it runs backwards or is longer than a year.
 */
export function resolveDashboardRange(
  input: GetDashboardInput,
  now: Date = new Date(),
): DashboardRange {
  const toMs = input.to ? dayMs(input.to) : dayMs(isoDay(now.getTime()));
  const fromMs = input.from ? dayMs(input.from) : toMs - (DEFAULT_RANGE_DAYS - 1) * DAY_MS;
  if (fromMs > toMs) {
    throw AppError.field('from', 'The start date must be on or before the end date');
  }
  const days = Math.round((toMs - fromMs) / DAY_MS) + 1;
  if (days > MAX_RANGE_DAYS) {
    throw AppError.field('from', `The date range is at most ${MAX_RANGE_DAYS} days`);
  }
  return {
    from: isoDay(fromMs),
    to: isoDay(toMs),
    days,
    bucket: days <= DAILY_BUCKET_MAX_DAYS ? 'day' : 'week',
    previousFrom: isoDay(fromMs - days * DAY_MS),
    previousTo: isoDay(fromMs - DAY_MS),
  };
}

/** The first day of each chart bucket in the range, oldest first. */
export function bucketStarts(range: DashboardRange): string[] {
  const step = range.bucket === 'day' ? 1 : 7;
  const starts: string[] = [];
  for (let offset = 0; offset < range.days; offset += step) {
    starts.push(isoDay(dayMs(range.from) + offset * DAY_MS));
  }
  return starts;
}

/** Day after `day`: the range's exclusive end, as queries compare timestamps. */
export function nextDay(day: string): string {
  return isoDay(dayMs(day) + DAY_MS);
}
