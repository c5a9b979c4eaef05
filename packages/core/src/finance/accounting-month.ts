import { z } from 'zod';
import { text } from '../validation';

/** A calendar month in UTC: the export's period, periodStart inclusive and periodEnd exclusive. */
export interface AccountingMonth {
  /** YYYY-MM, as people and file names write it. */
  label: string;
  periodStart: Date;
  periodEnd: Date;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month as YYYY-MM (kept a string), with a year Postgres and people can use. */
export function monthInput() {
  return text({ max: 7, label: 'Month' })
    .regex(MONTH, 'Must be a month (YYYY-MM)')
    .refine((value) => {
      const year = Number(value.slice(0, 4));
      return year >= 2000 && year <= 2200;
    }, 'The month must be between 2000 and 2200');
}

/** "Export a month" (finance.manage): the monthly job's builder; its month by default. */
export const exportMonthInput = z.object({ month: monthInput().optional() });
export type ExportMonthInput = z.infer<typeof exportMonthInput>;

export function accountingMonth(label: string): AccountingMonth {
  const match = MONTH.exec(label);
  if (!match) throw new Error(`not a month: ${label}`);
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  return {
    label,
    periodStart: new Date(Date.UTC(year, month, 1)),
    periodEnd: new Date(Date.UTC(year, month + 1, 1)),
  };
}

/** Spec 002: the monthly job exports the calendar month before the one it runs in (UTC). */
export function previousAccountingMonth(now: Date): AccountingMonth {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return accountingMonth(start.toISOString().slice(0, 7));
}
