// Integer minor units -> display string. No floats: works on digit strings. The
// zero-decimal list is Stripe's, the same as packages/core/src/money.ts: change both together.

const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

export function isZeroDecimal(currency: string): boolean {
  return ZERO_DECIMAL.has(currency.toLowerCase());
}

/** formatAmount(9720, 'usd') === '$97.20'; formatAmount(1200, 'jpy') === '¥1,200'. */
export function formatAmount(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new Error('amount must be a safe integer');
  const digits = isZeroDecimal(currency) ? 0 : 2;
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  // Symbols and grouping come from Intl, as in the app (@souk/core formatMoney); a numeric
  // string is formatted exactly, never rounded through a double.
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return format.format(`${sign}${decimal}` as Intl.StringNumericLiteral);
}

// Stripe's minimum charge per currency, in minor units. Source:
// https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts (read 2026-12).
// Same table as packages/payments/src/minimum-charge.ts; the sandbox does not depend on
// the app's packages, so it keeps its own copy. Change both together.
const MINIMUM_CHARGE: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};

export function minimumCharge(currency: string): number {
  return MINIMUM_CHARGE[currency.toLowerCase()] ?? 50;
}
