// A product must be saved only in a shape a customer can actually pay for: no
// combination may cost less than nothing, and a non-zero base price must reach the
// processor's minimum charge. Checked when saving; checkout checks the real total again.
import { minimumChargeCents } from '@souk/payments/minimum-charge';
import { AppError, type FieldErrors } from '../errors';
import { divideRounded, formatMoney } from '../money';
import { BPS_ONE, type PricedProduct } from './calculate-price';

function sumNegative(deltas: number[]): number {
  return deltas.reduce((sum, d) => sum + Math.min(0, d), 0);
}

/**
 * The cheapest total a customer can choose: the base price, plus in each option group
 * the cheapest choice it allows (every discount in a multiple-choice group, nothing in
 * an optional group without discounts), plus every discounting add-on, then the plan
 * that comes out lowest. Plans multiply by a non-negative factor, so the cheapest
 * subtotal gives each plan's cheapest total.
 */
export function lowestPossibleTotalCents(product: PricedProduct): number {
  let subtotal = product.basePriceCents;
  for (const group of product.optionGroups) {
    const deltas = group.options.map((o) => o.priceDeltaCents);
    if (deltas.length === 0) continue;
    const discounts = sumNegative(deltas);
    const cheapestOne = Math.min(...deltas);
    if (group.selectionType === 'multiple') {
      subtotal += discounts < 0 ? discounts : group.isRequired ? cheapestOne : 0;
    } else {
      subtotal += group.isRequired ? cheapestOne : Math.min(0, cheapestOne);
    }
  }
  subtotal += sumNegative(product.addOns.map((a) => a.priceDeltaCents));
  if (product.subscriptionPlans.length === 0) return subtotal;
  return Math.min(
    ...product.subscriptionPlans.map((plan) => {
      const multiplied =
        plan.priceMultiplierBps === null
          ? subtotal
          : divideRounded(subtotal * plan.priceMultiplierBps, BPS_ONE);
      return multiplied + (plan.priceDeltaCents ?? 0);
    }),
  );
}

export function minimumChargeMessage(currency: string): string {
  const min = formatMoney(minimumChargeCents(currency), currency);
  return `The payment processor cannot charge less than ${min} in ${currency.toUpperCase()}`;
}

/** Field errors (keyed `basePriceCents`) for a product nobody could pay for; empty when fine. */
export function chargeablePriceErrors(product: PricedProduct): FieldErrors {
  const { currency, basePriceCents } = product;
  const messages: string[] = [];
  const lowest = lowestPossibleTotalCents(product);
  if (lowest < 0) {
    messages.push(
      `The cheapest combination a customer can choose (base price, the cheapest option in ` +
        `each group, every discount) comes to ${formatMoney(lowest, currency)}; a price ` +
        `cannot go below ${formatMoney(0, currency)}. Raise the base price or reduce the discounts.`,
    );
  }
  if (basePriceCents > 0 && basePriceCents < minimumChargeCents(currency)) {
    messages.push(
      `${minimumChargeMessage(currency)}: set the base price to ${formatMoney(0, currency)} ` +
        `(free) or at least ${formatMoney(minimumChargeCents(currency), currency)}.`,
    );
  }
  return messages.length > 0 ? { basePriceCents: messages } : {};
}

export function assertChargeablePrice(product: PricedProduct): void {
  const fieldErrors = chargeablePriceErrors(product);
  const first = fieldErrors.basePriceCents?.[0];
  if (first) throw new AppError('BAD_REQUEST', first, { fieldErrors });
}
