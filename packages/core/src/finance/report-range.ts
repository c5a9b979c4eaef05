import { AppError } from '../errors';
import { MAX_REPORT_MONTHS, type FinanceReportInput } from './invoice-schemas';

export interface ReportRange {
  /** First month reported, YYYY-MM. */
  fromMonth: string;
  /** Last month reported, YYYY-MM. */
  toMonth: string;
  /** Every month of the range, oldest first. */
  months: string[];
  /** First day of the first month, and of the month after the last (exclusive), YYYY-MM-DD. */
  start: string;
  end: string;
}

const monthOf = (index: number) => {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
};
const indexOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/**
 * Whole UTC months covering `from`..`to` (dates, any day of their month). Without them:
 * the twelve months up to and including the current one.
 */
export function resolveReportRange(input: FinanceReportInput, now = new Date()): ReportRange {
  const today = now.toISOString().slice(0, 10);
  const last = indexOf(input.to ?? (input.from && input.from > today ? input.from : today));
  const first = input.from ? indexOf(input.from) : last - 11;
  if (last - first + 1 > MAX_REPORT_MONTHS) {
    throw AppError.field('from', `A report covers at most ${MAX_REPORT_MONTHS} months`);
  }
  const months = Array.from({ length: last - first + 1 }, (_, i) => monthOf(first + i));
  return {
    fromMonth: monthOf(first),
    toMonth: monthOf(last),
    months,
    start: `${monthOf(first)}-01`,
    end: `${monthOf(last + 1)}-01`,
  };
}

/**
 * A report's per-currency totals: every row's `amounts` fields summed by currency (money
 * is never summed across currencies), in the order currencies first appear.
 */
export function totalsByCurrency<Row extends { currency: string }, K extends keyof Row>(
  rows: readonly Row[],
  amounts: readonly K[],
): (Pick<Row, K> & { currency: string })[] {
  const totals = new Map<string, Record<string, number | string>>();
  for (const row of rows) {
    let sum = totals.get(row.currency);
    if (!sum) {
      sum = { currency: row.currency };
      for (const key of amounts) sum[key as string] = 0;
      totals.set(row.currency, sum);
    }
    for (const key of amounts) (sum[key as string] as number) += row[key] as number;
  }
  return [...totals.values()] as (Pick<Row, K> & { currency: string })[];
}
