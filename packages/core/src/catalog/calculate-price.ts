// The one price calculator: the storefront shows its total live and checkout
// charges what it returns, computed again on the server from stored data.
// Pure and browser-safe: no database, no floats.
import { divideRounded } from '../money';
import { matchesFieldPattern, PATTERN_INPUT_MAX } from './field-pattern';

export const BPS_ONE = 10_000;

export interface PricedOption {
  id: string;
  label: string;
  priceDeltaCents: number;
}

export interface PricedOptionGroup {
  id: string;
  name: string;
  selectionType: 'single' | 'multiple';
  isRequired: boolean;
  options: PricedOption[];
}

export interface PricedAddOn {
  id: string;
  label: string;
  priceDeltaCents: number;
}

export interface PricedCustomField {
  id: string;
  label: string;
  fieldType: 'text' | 'url' | 'number';
  isRequired: boolean;
  minLength: number | null;
  maxLength: number | null;
  pattern: string | null;
  minValue: number | null;
  maxValue: number | null;
}

export interface PricedPlan {
  id: string;
  label: string;
  priceMultiplierBps: number | null;
  priceDeltaCents: number | null;
  isDefault?: boolean;
}

export interface PricedProduct {
  basePriceCents: number;
  currency: string;
  optionGroups: PricedOptionGroup[];
  addOns: PricedAddOn[];
  customFields: PricedCustomField[];
  subscriptionPlans: PricedPlan[];
}

export interface PriceSelection {
  /** groupId -> chosen option ids */
  options: Record<string, string[]>;
  addOnIds: string[];
  planId: string | null;
  customFields: Record<string, string>;
}

export interface PriceLine {
  kind: 'base' | 'option' | 'addOn' | 'plan';
  label: string;
  amountCents: number;
}

export interface PriceIssue {
  /** `options.<groupId>`, `addOns`, `plan`, `customFields.<fieldId>`, `total` */
  field: string;
  message: string;
}

export interface PriceQuote {
  currency: string;
  baseCents: number;
  lines: PriceLine[];
  /** Base + options + add-ons, before the plan adjustment. */
  subtotalCents: number;
  totalCents: number;
  /** Empty when the selection is complete and valid; checkout refuses otherwise. */
  issues: PriceIssue[];
}

export function emptySelection(product: Pick<PricedProduct, 'subscriptionPlans'>): PriceSelection {
  const plan = product.subscriptionPlans.find((p) => p.isDefault) ?? null;
  return { options: {}, addOnIds: [], planId: plan?.id ?? null, customFields: {} };
}

function customFieldIssue(field: PricedCustomField, raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  if (value === '') return field.isRequired ? `${field.label} is required` : null;
  if (field.fieldType === 'number') {
    if (!/^-?\d+$/.test(value)) return `${field.label} must be a whole number`;
    const n = Number(value);
    if (field.minValue !== null && n < field.minValue) {
      return `${field.label} must be at least ${field.minValue}`;
    }
    if (field.maxValue !== null && n > field.maxValue) {
      return `${field.label} must be at most ${field.maxValue}`;
    }
    return null;
  }
  if (field.minLength !== null && value.length < field.minLength) {
    return `${field.label} must be at least ${field.minLength} characters`;
  }
  if (field.maxLength !== null && value.length > field.maxLength) {
    return `${field.label} must be at most ${field.maxLength} characters`;
  }
  if (field.fieldType === 'url') {
    let ok = false;
    try {
      const url = new URL(value);
      ok = url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      ok = false;
    }
    if (!ok) return `${field.label} must be a valid URL (https://…)`;
  }
  if (field.pattern) {
    // Bounds the work a pattern can do even in linear time.
    const cap = field.maxLength ?? PATTERN_INPUT_MAX;
    if (value.length > cap) return `${field.label} must be at most ${cap} characters`;
    if (matchesFieldPattern(field.pattern, value) === false) {
      return `${field.label} is not in the expected format`;
    }
  }
  return null;
}

export function calculatePrice(product: PricedProduct, selection: PriceSelection): PriceQuote {
  const issues: PriceIssue[] = [];
  const lines: PriceLine[] = [
    { kind: 'base', label: 'Base price', amountCents: product.basePriceCents },
  ];
  let subtotal = product.basePriceCents;

  const groupsById = new Map(product.optionGroups.map((g) => [g.id, g]));
  for (const groupId of Object.keys(selection.options)) {
    if (!groupsById.has(groupId)) {
      issues.push({ field: `options.${groupId}`, message: 'Unknown option group' });
    }
  }

  for (const group of product.optionGroups) {
    const chosen = [...new Set(selection.options[group.id] ?? [])];
    const optionsById = new Map(group.options.map((o) => [o.id, o]));
    const unknown = chosen.filter((id) => !optionsById.has(id));
    if (unknown.length > 0) {
      issues.push({ field: `options.${group.id}`, message: `Unknown option for ${group.name}` });
    }
    const valid = chosen.filter((id) => optionsById.has(id));
    if (group.selectionType === 'single' && valid.length > 1) {
      issues.push({
        field: `options.${group.id}`,
        message: `Choose only one option for ${group.name}`,
      });
    }
    if (group.isRequired && valid.length === 0) {
      issues.push({ field: `options.${group.id}`, message: `Choose an option for ${group.name}` });
    }
    // Display order, not click order, so the breakdown is stable.
    for (const option of group.options) {
      if (!valid.includes(option.id)) continue;
      lines.push({
        kind: 'option',
        label: `${group.name}: ${option.label}`,
        amountCents: option.priceDeltaCents,
      });
      subtotal += option.priceDeltaCents;
    }
  }

  const addOnIds = new Set(selection.addOnIds);
  const knownAddOns = new Set(product.addOns.map((a) => a.id));
  if ([...addOnIds].some((id) => !knownAddOns.has(id))) {
    issues.push({ field: 'addOns', message: 'Unknown add-on' });
  }
  for (const addOn of product.addOns) {
    if (!addOnIds.has(addOn.id)) continue;
    lines.push({ kind: 'addOn', label: addOn.label, amountCents: addOn.priceDeltaCents });
    subtotal += addOn.priceDeltaCents;
  }

  let total = subtotal;
  if (selection.planId !== null) {
    const plan = product.subscriptionPlans.find((p) => p.id === selection.planId);
    if (!plan) {
      issues.push({ field: 'plan', message: 'Unknown subscription plan' });
    } else {
      const multiplied =
        plan.priceMultiplierBps === null
          ? total
          : divideRounded(total * plan.priceMultiplierBps, BPS_ONE);
      const adjustment = multiplied - total + (plan.priceDeltaCents ?? 0);
      if (adjustment !== 0)
        lines.push({ kind: 'plan', label: plan.label, amountCents: adjustment });
      total += adjustment;
    }
  } else if (product.subscriptionPlans.length > 0) {
    issues.push({ field: 'plan', message: 'Choose a plan' });
  }

  for (const field of product.customFields) {
    const message = customFieldIssue(field, selection.customFields[field.id]);
    if (message) issues.push({ field: `customFields.${field.id}`, message });
  }

  // Negative deltas can outweigh the base. Clamping to zero would hand the order out
  // free by accident, so the total stays as computed and checkout refuses it.
  if (total < 0) {
    issues.push({
      field: 'total',
      message: 'This combination comes to less than nothing; choose other options',
    });
  }
  return {
    currency: product.currency,
    baseCents: product.basePriceCents,
    lines,
    subtotalCents: subtotal,
    totalCents: total,
    issues,
  };
}
