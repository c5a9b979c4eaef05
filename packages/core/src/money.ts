// Money is integer minor units plus an ISO 4217 code. Nothing here uses floats:
// parsing and formatting work on digit strings.

// The processor's zero-decimal currencies: amounts go to Stripe in these minor units, so
// this is the one table the app uses to parse, store and format them. Source:
// https://docs.stripe.com/currencies#zero-decimal (read 2026-12). ISK is not in it: Stripe
// takes ISK in hundredths. The sandbox mirrors this list (packages/stripe-sandbox/src/money.ts).
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'JPY',
  'KMF',
  'KRW',
  'MGA',
  'PYG',
  'RWF',
  'UGX',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);

export const SUPPORTED_CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY'] as const;

export function minorUnits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

/** "1234" cents -> "12.34"; keeps the sign; exact for any safe integer. */
export function centsToDecimalString(cents: number, currency: string): string {
  if (!Number.isSafeInteger(cents)) throw new Error('cents must be a safe integer');
  const digits = minorUnits(currency);
  const sign = cents < 0 ? '-' : '';
  const abs = String(Math.abs(cents));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

export function formatMoney(cents: number, currency: string, locale = 'en-US'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  // A numeric string is formatted exactly (Intl.NumberFormat v3), never rounded through a double.
  return format.format(centsToDecimalString(cents, currency) as unknown as number);
}

/**
 * Parses what a person types ("49", "49.5", "-1,200.00") into integer minor units.
 * Returns null when the text is not an amount with at most the currency's decimals.
 */
export function parseMoney(input: string, currency: string): number | null {
  const text = input.trim().replace(/,/g, '');
  const digits = minorUnits(currency);
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text) ?? /^([+-]?)()\.(\d+)$/.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > digits) return null;
  const cents = Number((whole || '0') + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' ? -cents : cents;
}

/** Integer half-away-from-zero rounding of numerator/denominator. */
export function divideRounded(numerator: number, denominator: number): number {
  if (denominator <= 0 || !Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new Error('divideRounded needs safe integers and a positive denominator');
  }
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const quotient = Math.floor(abs / denominator);
  const remainder = abs - quotient * denominator;
  return sign * (remainder * 2 >= denominator ? quotient + 1 : quotient);
}
