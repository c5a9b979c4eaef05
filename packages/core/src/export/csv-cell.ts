import { centsToDecimalString } from '../money';

/** An amount in minor units with its currency: exported as decimal text ("12.34"). */
export interface MoneyCell {
  readonly amountCents: number;
  readonly currency: string;
}

export type CsvValue = string | number | boolean | Date | MoneyCell | null | undefined;

// OWASP "CSV injection": spreadsheets run a cell that starts with one of these as a
// formula. The full-width forms are there because Apple Numbers normalises them to ASCII.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text as a spreadsheet shows it and never runs it: a leading quote disarms a formula. */
export function neutraliseText(text: string): string {
  // Some spreadsheets end a cell at NUL; removing it first also unmasks "\0=1".
  const clean = text.replaceAll('\u0000', '');
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

export function money(amountCents: number | null | undefined, currency: string): MoneyCell | null {
  return amountCents === null || amountCents === undefined ? null : { amountCents, currency };
}

/**
 * One cell's text before CSV quoting: strings disarmed, numbers as written, dates in
 * ISO 8601 UTC, money as an exact decimal string, nothing as an empty cell.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return neutraliseText(value);
  // A number is data, not a formula: -1 stays -1 so spreadsheets can sum it.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return centsToDecimalString(value.amountCents, value.currency);
}
