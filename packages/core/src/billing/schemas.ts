import { z } from 'zod';
import { int, MAX_YEAR, MIN_YEAR, text } from '../validation';

export const REASON_CODE_MAX = 64;

/** Why billing is paused or resumed (spec 002: a reason code of at most 64 characters). */
export const reasonCode = text({
  min: 1,
  max: REASON_CODE_MAX,
  label: 'Reason code',
  minMessage: 'Reason code is required',
  maxMessage: `Reason code must be at most ${REASON_CODE_MAX} characters`,
});

export const billingReasonInput = z.object({ reasonCode });
export type BillingReasonInput = z.infer<typeof billingReasonInput>;

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const MONTH_MESSAGE = 'Month must be a calendar month written YYYY-MM, e.g. 2026-12';

/** A calendar month as YYYY-MM, with a year Postgres and people can use. */
export const usageMonth = text({ min: 1, max: 7, label: 'Month', maxMessage: MONTH_MESSAGE })
  .regex(MONTH_PATTERN, MONTH_MESSAGE)
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= MIN_YEAR && year <= MAX_YEAR;
  }, `Month must be between ${MIN_YEAR} and ${MAX_YEAR}`);

/** The usage report's month; the current month (UTC) when absent. */
export const usageReportInput = z.object({ month: usageMonth.optional() });
export type UsageReportInput = z.infer<typeof usageReportInput>;

export const TAX_RATE_MAX_BPS = 10_000;

export const updateTaxRateInput = z.object({
  taxRateBps: int({
    min: 0,
    max: TAX_RATE_MAX_BPS,
    label: 'Tax rate',
    message: 'Tax rate must be a whole number of basis points',
    minMessage: 'Tax rate cannot be negative',
    maxMessage: 'Tax rate must be at most 100%',
  }),
});
export type UpdateTaxRateInput = z.infer<typeof updateTaxRateInput>;

const PERCENT_PATTERN = /^\d{1,3}(\.\d{1,2})?$/;

/**
 * The tax rate as a person types it ("8.25" for 8.25%), for the settings form. Parsed as
 * text, never through a float, so 8.25% is exactly 825 basis points.
 */
export const taxRatePercent = text({ min: 1, max: 6, label: 'Tax rate' })
  .regex(PERCENT_PATTERN, 'Tax rate must be a percentage with at most two decimals, e.g. 8.25')
  .refine((value) => percentToBps(value) <= TAX_RATE_MAX_BPS, 'Tax rate must be at most 100%');

export const taxRateForm = z.object({ percent: taxRatePercent });

/** "8.25" -> 825; "7" -> 700; "0.5" -> 50. The input has passed `taxRatePercent`'s pattern. */
export function percentToBps(percent: string): number {
  const [whole = '0', fraction = ''] = percent.trim().split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/** 825 -> "8.25"; 700 -> "7"; 50 -> "0.5". */
export function bpsToPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
