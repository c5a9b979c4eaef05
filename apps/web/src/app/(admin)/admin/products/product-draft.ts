// The editor works on strings (what people type); this module turns a draft into
// the API's input, with money parsed from text into integer cents, never floats, and
// checks it with the same core schema the API uses.
import { createProductInput } from '@souk/core/client';
import { parseMoney, centsToDecimalString } from '@souk/core/money';
import type { RouterInputs, RouterOutputs } from '@souk/api';
// Relative, so the unit test (no Next path aliases) can load it.
import { draftSchema } from '../../../../lib/draft-schema';

type AdminProduct = RouterOutputs['catalog']['getProduct'];
type CreateInput = RouterInputs['catalog']['createProduct'];

let keySeq = 0;
export const newKey = (): string => `k${(keySeq += 1)}`;

export interface OptionDraft {
  key: string;
  label: string;
  description: string;
  price: string;
}
export interface GroupDraft {
  key: string;
  name: string;
  description: string;
  selectionType: 'single' | 'multiple';
  isRequired: boolean;
  options: OptionDraft[];
}
export interface AddOnDraft {
  key: string;
  label: string;
  description: string;
  price: string;
}
export interface FieldDraft {
  key: string;
  label: string;
  fieldType: 'text' | 'url' | 'number';
  isRequired: boolean;
  placeholder: string;
  helpText: string;
  minLength: string;
  maxLength: string;
  pattern: string;
  minValue: string;
  maxValue: string;
}
export interface PlanDraft {
  key: string;
  label: string;
  description: string;
  billingCycle: 'one_time' | 'monthly' | 'quarterly' | 'annual';
  multiplierPercent: string;
  delta: string;
  isDefault: boolean;
}
export interface ProductDraft {
  name: string;
  slug: string;
  description: string;
  basePrice: string;
  currency: CreateInput['currency'];
  status: 'draft' | 'active' | 'archived';
  imageUrl: string;
  optionGroups: GroupDraft[];
  addOns: AddOnDraft[];
  customFields: FieldDraft[];
  subscriptionPlans: PlanDraft[];
}

export const emptyOption = (): OptionDraft => ({
  key: newKey(),
  label: '',
  description: '',
  price: '0.00',
});
export const emptyGroup = (): GroupDraft => ({
  key: newKey(),
  name: '',
  description: '',
  selectionType: 'single',
  isRequired: false,
  options: [emptyOption()],
});
export const emptyAddOn = (): AddOnDraft => ({
  key: newKey(),
  label: '',
  description: '',
  price: '0.00',
});
export const emptyField = (): FieldDraft => ({
  key: newKey(),
  label: '',
  fieldType: 'text',
  isRequired: false,
  placeholder: '',
  helpText: '',
  minLength: '',
  maxLength: '',
  pattern: '',
  minValue: '',
  maxValue: '',
});
export const emptyPlan = (): PlanDraft => ({
  key: newKey(),
  label: '',
  description: '',
  billingCycle: 'monthly',
  multiplierPercent: '',
  delta: '',
  isDefault: false,
});

export function emptyDraft(): ProductDraft {
  return {
    name: '',
    slug: '',
    description: '',
    basePrice: '',
    currency: 'USD',
    status: 'draft',
    imageUrl: '',
    optionGroups: [],
    addOns: [],
    customFields: [],
    subscriptionPlans: [],
  };
}

const str = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : String(n);

export function draftFromProduct(p: AdminProduct): ProductDraft {
  const money = (cents: number) => centsToDecimalString(cents, p.currency);
  const c = p.configuration;
  return {
    name: p.name,
    slug: p.slug,
    description: p.description,
    basePrice: money(p.basePriceCents),
    currency: p.currency as ProductDraft['currency'],
    status: p.status,
    imageUrl: p.imageUrl ?? '',
    optionGroups: c.optionGroups.map((g) => ({
      key: newKey(),
      name: g.name,
      description: g.description ?? '',
      selectionType: g.selectionType,
      isRequired: g.isRequired,
      options: g.options.map((o) => ({
        key: newKey(),
        label: o.label,
        description: o.description ?? '',
        price: money(o.priceDeltaCents),
      })),
    })),
    addOns: c.addOns.map((a) => ({
      key: newKey(),
      label: a.label,
      description: a.description ?? '',
      price: money(a.priceDeltaCents),
    })),
    customFields: c.customFields.map((f) => ({
      key: newKey(),
      label: f.label,
      fieldType: f.fieldType,
      isRequired: f.isRequired,
      placeholder: f.placeholder ?? '',
      helpText: f.helpText ?? '',
      minLength: str(f.minLength),
      maxLength: str(f.maxLength),
      pattern: f.pattern ?? '',
      minValue: str(f.minValue),
      maxValue: str(f.maxValue),
    })),
    subscriptionPlans: c.subscriptionPlans.map((s) => ({
      key: newKey(),
      label: s.label,
      description: s.description ?? '',
      billingCycle: s.billingCycle,
      multiplierPercent:
        s.priceMultiplierBps === null ? '' : centsToDecimalString(s.priceMultiplierBps, 'USD'),
      delta: s.priceDeltaCents === null ? '' : money(s.priceDeltaCents),
      isDefault: s.isDefault,
    })),
  };
}

export type FieldErrors = Record<string, string>;

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** Draft -> API input. Amounts that do not parse become field errors under the API's own paths. */
export function draftToInput(d: ProductDraft): { input: CreateInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const cents = (text: string, path: string, fallback = 0): number => {
    if (text.trim() === '') return fallback;
    const value = parseMoney(text, d.currency);
    if (value === null) {
      errors[path] = 'Enter an amount like 12.50';
      return fallback;
    }
    return value;
  };
  const optionalCents = (text: string, path: string): number | null =>
    text.trim() === '' ? null : cents(text, path);
  const int = (text: string, path: string): number | null => {
    if (text.trim() === '') return null;
    if (!/^-?\d+$/.test(text.trim())) {
      errors[path] = 'Enter a whole number';
      return null;
    }
    return Number(text.trim());
  };
  const text = (s: string): string | null => (s.trim() === '' ? null : s.trim());

  const basePriceCents =
    d.basePrice.trim() === '' ? Number.NaN : cents(d.basePrice, 'basePriceCents', Number.NaN);
  if (d.basePrice.trim() === '') errors.basePriceCents = 'Enter a price';

  const input: CreateInput = {
    name: d.name,
    slug: d.slug,
    description: d.description,
    basePriceCents,
    currency: d.currency,
    status: d.status,
    imageUrl: text(d.imageUrl),
    configuration: {
      optionGroups: d.optionGroups.map((g, gi) => ({
        name: g.name,
        description: text(g.description),
        selectionType: g.selectionType,
        isRequired: g.isRequired,
        options: g.options.map((o, oi) => ({
          label: o.label,
          description: text(o.description),
          priceDeltaCents: cents(
            o.price,
            `configuration.optionGroups.${gi}.options.${oi}.priceDeltaCents`,
          ),
        })),
      })),
      addOns: d.addOns.map((a, i) => ({
        label: a.label,
        description: text(a.description),
        priceDeltaCents: cents(a.price, `configuration.addOns.${i}.priceDeltaCents`),
      })),
      customFields: d.customFields.map((f, i) => {
        const p = `configuration.customFields.${i}`;
        const isNumber = f.fieldType === 'number';
        return {
          label: f.label,
          fieldType: f.fieldType,
          isRequired: f.isRequired,
          placeholder: text(f.placeholder),
          helpText: text(f.helpText),
          minLength: isNumber ? null : int(f.minLength, `${p}.minLength`),
          maxLength: isNumber ? null : int(f.maxLength, `${p}.maxLength`),
          pattern: isNumber ? null : text(f.pattern),
          minValue: isNumber ? int(f.minValue, `${p}.minValue`) : null,
          maxValue: isNumber ? int(f.maxValue, `${p}.maxValue`) : null,
        };
      }),
      subscriptionPlans: d.subscriptionPlans.map((s, i) => {
        const p = `configuration.subscriptionPlans.${i}`;
        // "90" (% of the configured price) -> 9000 basis points, parsed as text like money.
        const bps =
          s.multiplierPercent.trim() === '' ? null : parseMoney(s.multiplierPercent, 'USD');
        if (s.multiplierPercent.trim() !== '' && bps === null)
          errors[`${p}.priceMultiplierBps`] = 'Enter a percentage like 90';
        return {
          label: s.label,
          description: text(s.description),
          billingCycle: s.billingCycle,
          priceMultiplierBps: bps,
          priceDeltaCents: optionalCents(s.delta, `${p}.priceDeltaCents`),
          isDefault: s.isDefault,
        };
      }),
    },
  };
  return { input, errors };
}

// API input path segment -> the draft's field, per list; a field missing here has no
// input in the editor, so its error goes to the summary instead.
const DRAFT_FIELDS: Record<string, Record<string, string>> = {
  '': {
    name: 'name',
    slug: 'slug',
    basePriceCents: 'basePrice',
    currency: 'currency',
    status: 'status',
    imageUrl: 'imageUrl',
    description: 'description',
    optionGroups: 'optionGroups',
    addOns: 'addOns',
    customFields: 'customFields',
    subscriptionPlans: 'subscriptionPlans',
  },
  optionGroups: { name: 'name', selectionType: 'selectionType', options: 'options' },
  options: { label: 'label', priceDeltaCents: 'price' },
  addOns: { label: 'label', priceDeltaCents: 'price' },
  customFields: {
    label: 'label',
    fieldType: 'fieldType',
    placeholder: 'placeholder',
    maxLength: 'maxLength',
    pattern: 'pattern',
    minValue: 'minValue',
    maxValue: 'maxValue',
  },
  subscriptionPlans: {
    label: 'label',
    billingCycle: 'billingCycle',
    priceMultiplierBps: 'multiplierPercent',
    priceDeltaCents: 'delta',
    isDefault: 'isDefault',
  },
};

/** `configuration.addOns.0.priceDeltaCents` -> `addOns.0.price`; null when the editor has no such input. */
export function draftField(apiPath: string): string | null {
  const parts = apiPath.split('.');
  if (parts[0] === 'configuration') parts.shift();
  const out: string[] = [];
  let list = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      out.push(part);
      continue;
    }
    const name = DRAFT_FIELDS[list]?.[part];
    if (!name) return null;
    out.push(name);
    list = part;
  }
  return out.length > 0 ? out.join('.') : null;
}

/** The editor's resolver schema: the draft checked by the core `createProductInput`. */
export const productDraftSchema = draftSchema({
  toInput: draftToInput,
  schema: createProductInput,
  toField: draftField,
});
