import { z } from 'zod';
import { SUPPORTED_CURRENCIES } from '../money';
import { fieldPatternProblem } from './field-pattern';
import {
  cents,
  int,
  moneyLimit,
  page,
  pageSize,
  partialUpdate,
  slug,
  text,
  url,
  uuidId,
} from '../validation';

export const PRICE_DELTA_MIN = -100_000;
export const PRICE_DELTA_MAX = 100_000;
export const BASE_PRICE_MAX = 100_000_000;

// Messages name the field as the editor labels it ("Price change must be at most
// $1,000.00"); the API adds where a nested field sits ("Option 2 in group 1: …").
const label = text({ min: 1, max: 120, label: 'Label' });
const description = text({ max: 1000, label: 'Description' }).nullish();

const priceDeltaCents = (name: string) =>
  cents({
    label: name,
    min: PRICE_DELTA_MIN,
    max: PRICE_DELTA_MAX,
    message: `Enter ${name.toLowerCase()} as an amount`,
    intMessage: `${name} must be a whole number of cents`,
    minMessage: `${name} must be at least -${moneyLimit(-PRICE_DELTA_MIN)}`,
  });

export const optionInput = z.object({
  label,
  description,
  priceDeltaCents: priceDeltaCents('Price change').default(0),
});

export const optionGroupInput = z.object({
  name: text({ min: 1, max: 120, label: 'Group name' }),
  description,
  selectionType: z.enum(['single', 'multiple'], { error: 'Choose single or multiple choice' }),
  isRequired: z.boolean().default(false),
  options: z
    .array(optionInput)
    .min(1, 'Add at least one option')
    .max(50, 'A group has at most 50 options'),
});

export const addOnInput = z.object({
  label,
  description,
  priceDeltaCents: priceDeltaCents('Price'),
});

const wholeNumber = (name: string) => int({ label: name }).nullish();

export const customFieldInput = z
  .object({
    label,
    fieldType: z.enum(['text', 'url', 'number'], { error: 'Choose text, URL or number' }),
    isRequired: z.boolean().default(false),
    placeholder: text({ max: 200, label: 'Placeholder' }).nullish(),
    helpText: text({ max: 500, label: 'Help text' }).nullish(),
    minLength: wholeNumber('Min length').refine(
      (v) => v == null || v >= 0,
      'Min length must be 0 or more',
    ),
    maxLength: wholeNumber('Max length').refine(
      (v) => v == null || (v >= 1 && v <= 5000),
      'Max length must be between 1 and 5,000',
    ),
    pattern: text({ max: 200, trim: false, label: 'Pattern' }).nullish(),
    minValue: wholeNumber('Minimum'),
    maxValue: wholeNumber('Maximum'),
  })
  .superRefine((field, ctx) => {
    if (field.minLength != null && field.maxLength != null && field.minLength > field.maxLength) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxLength'],
        message: 'Max length must be at least the min length',
      });
    }
    if (field.minValue != null && field.maxValue != null && field.minValue > field.maxValue) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxValue'],
        message: 'Maximum must be at least the minimum',
      });
    }
    if (field.pattern) {
      // RE2 (linear time) is what checks shoppers' input, so it decides what may be saved.
      const problem = fieldPatternProblem(field.pattern);
      if (problem) ctx.addIssue({ code: 'custom', path: ['pattern'], message: problem });
    }
    if (
      field.fieldType === 'number' &&
      (field.minLength != null || field.maxLength != null || field.pattern)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['fieldType'],
        message: 'Number fields use a minimum and maximum, not a length or pattern',
      });
    }
    if (field.fieldType !== 'number' && (field.minValue != null || field.maxValue != null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['fieldType'],
        message: 'Minimum and maximum apply to number fields only',
      });
    }
  });

export const subscriptionPlanInput = z.object({
  label,
  description,
  billingCycle: z.enum(['one_time', 'monthly', 'quarterly', 'annual'], {
    error: 'Choose a billing cycle',
  }),
  // Basis points: 10000 = x1.0. Integer so plan pricing never touches floats. The editor
  // shows it as a percent of the price, so the messages speak in percent.
  priceMultiplierBps: int({
    min: 0,
    max: 100_000,
    message: 'Enter the price % as a number',
    intMessage: 'Price % can have at most two decimals',
    minMessage: 'Price % must be 0 or more',
    maxMessage: 'Price % must be at most 1,000 (ten times the price)',
  }).nullish(),
  priceDeltaCents: priceDeltaCents('Price change').nullish(),
  isDefault: z.boolean().default(false),
});

function atMostOneDefault(plans: { isDefault: boolean }[], ctx: z.RefinementCtx): void {
  plans.forEach((plan, index) => {
    if (plan.isDefault && plans.findIndex((p) => p.isDefault) !== index) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'isDefault'],
        message: 'Only one plan can be the default',
      });
    }
  });
}

const optionGroups = z.array(optionGroupInput).max(20, 'A product has at most 20 option groups');
const addOns = z.array(addOnInput).max(50, 'A product has at most 50 add-ons');
const customFields = z.array(customFieldInput).max(30, 'A product has at most 30 custom fields');
const subscriptionPlans = z
  .array(subscriptionPlanInput)
  .max(10, 'A product has at most 10 plans')
  .superRefine(atMostOneDefault);

export const configurationInput = z.object({
  optionGroups: optionGroups.default([]),
  addOns: addOns.default([]),
  customFields: customFields.default([]),
  subscriptionPlans: subscriptionPlans.default([]),
});
export type ConfigurationInput = z.infer<typeof configurationInput>;

const productFields = z.object({
  slug: slug(),
  name: text({ min: 1, max: 120, label: 'Name' }),
  description: text({ max: 5000, label: 'Description' }).default(''),
  basePriceCents: cents({
    label: 'Base price',
    max: BASE_PRICE_MAX,
    message: 'Enter a base price',
    intMessage: 'Base price must be a whole number of cents',
    minMessage: 'Base price must be 0 or more',
  }),
  currency: z.enum(SUPPORTED_CURRENCIES, {
    error: `Currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}`,
  }),
  status: z
    .enum(['draft', 'active', 'archived'], { error: 'Choose draft, active or archived' })
    .default('draft'),
  imageUrl: url({ message: 'Image URL must be an http(s) URL' }).nullish(),
});

export const createProductInput = productFields.extend({
  configuration: configurationInput.optional(),
});
export type CreateProductInput = z.infer<typeof createProductInput>;

// Only the fields sent change: `.partial()` alone would re-apply the create defaults
// (status draft, empty description) to every edit.
export const updateProductInput = partialUpdate(productFields).extend({
  id: uuidId('Unknown product'),
  configuration: configurationInput.optional(),
});
export type UpdateProductInput = z.infer<typeof updateProductInput>;

/** Omitted collections are deleted: the payload is the whole new configuration. */
export const replaceOptionsInput = z.object({
  productId: uuidId('Unknown product'),
  optionGroups: optionGroups.optional(),
  addOns: addOns.optional(),
  customFields: customFields.optional(),
  subscriptionPlans: subscriptionPlans.optional(),
});
export type ReplaceOptionsInput = z.infer<typeof replaceOptionsInput>;

export const listProductsInput = z.object({
  search: text({ max: 200, label: 'Search' }).optional(),
  status: z.enum(['draft', 'active', 'archived']).optional(),
  page: page(),
  pageSize: pageSize(20),
  sort: z.enum(['name', 'updatedAt', 'basePriceCents', 'status']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListProductsInput = z.infer<typeof listProductsInput>;

export const productIdInput = z.object({ id: uuidId('Unknown product') });
// Lookups, not choices: any slug-sized text, so an odd one is "not found", not a 500.
const lookupSlug = () => text({ min: 1, max: 80 });
export const storefrontProductInput = z.object({
  slug: lookupSlug(),
  orgSlug: lookupSlug().optional(),
});
export const storefrontListInput = z.object({
  orgSlug: lookupSlug().optional(),
});
