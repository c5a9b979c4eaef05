// Stripe refuses to charge less than a per-currency minimum (in the currency's minor
// unit). Source: https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts
// (table "Minimum and maximum charge amounts", read 2026-12). The sandbox keeps its
// own copy of this table in packages/stripe-sandbox/src/money.ts; change both together.
export const STRIPE_MINIMUM_CHARGE: Readonly<Record<string, number>> = {
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

/**
 * The smallest amount the processor will charge, in minor units. Currencies not in the
 * table fall back to 50: Stripe's minimums are at least the equivalent of $0.50.
 */
export function minimumChargeCents(currency: string): number {
  return STRIPE_MINIMUM_CHARGE[currency.toLowerCase()] ?? 50;
}

/** A non-zero amount the processor would refuse. Zero is not a charge at all. */
export function isBelowMinimumCharge(amountCents: number, currency: string): boolean {
  return amountCents > 0 && amountCents < minimumChargeCents(currency);
}
