// Integer minor units -> display string. No floats: works on digit strings.

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

const SYMBOLS: Record<string, string> = {
  usd: '$',
  eur: '€',
  gbp: '£',
  jpy: '¥',
  cad: 'CA$',
  aud: 'A$',
  nzd: 'NZ$',
  chf: 'CHF ',
  inr: '₹',
};

export function isZeroDecimal(currency: string): boolean {
  return ZERO_DECIMAL.has(currency.toLowerCase());
}

/** formatAmount(9720, 'usd') === '$97.20'; formatAmount(1200, 'jpy') === '¥1,200'. */
export function formatAmount(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new Error('amount must be a safe integer');
  const cur = currency.toLowerCase();
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor));
  let whole = abs;
  let frac = '';
  if (!isZeroDecimal(cur)) {
    const padded = abs.padStart(3, '0');
    whole = padded.slice(0, -2);
    frac = padded.slice(-2);
  }
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const number = frac ? `${grouped}.${frac}` : grouped;
  const symbol = SYMBOLS[cur];
  return symbol ? `${sign}${symbol}${number}` : `${sign}${number} ${cur.toUpperCase()}`;
}
