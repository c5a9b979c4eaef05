import { z } from 'zod';
import { SUPPORTED_CURRENCIES } from '../money';
import { fieldPatternProblem } from './field-pattern';
import { int, page, pageSize, partialUpdate, slug, text, url, uuidId } from '../validation';

export const PRICE_DELTA_MIN = -100_000;
export const PRICE_DELTA_MAX = 100_000;

const label = text({ min: 1, max: 120 });
const description = text({ max: 1000 }).nullish();

const priceDeltaCents = int({
  min: PRICE_DELTA_MIN,
  max: PRICE_DELTA_MAX,
  message: 'Enter an amount in cents',
  intMessage: 'Must be a whole number of cents',
});

export const optionInput = z.object({
  label,
  description,
  priceDeltaCents: priceDeltaCents.default(0),
});

export const optionGroupInput = z.object({
  name: label,
  description,
  selectionType: z.enum(['single', 'multiple']),
  isRequired: z.boolean().default(false),
  options: z.array(optionInput).min(1, 'Add at least one option').max(50, 'At most 50 options'),
});

export const addOnInput = z.object({ label, description, priceDeltaCents });

const optionalInt = int().nullish();

export const customFieldInput = z
  .object({
    label,
    fieldType: z.enum(['text', 'url', 'number']),
    isRequired: z.boolean().default(false),
    placeholder: text({ max: 200, label: 'Placeholder' }).nullish(),
    helpText: text({ max: 500, label: 'Help text' }).nullish(),
    minLength: optionalInt.refine((v) => v == null || v >= 0, 'Must be 0 or more'),
    maxLength: optionalInt.refine(
      (v) => v == null || (v >= 1 && v <= 5000),
      'Must be between 1 and 5000',
    ),
    pattern: text({ max: 200, trim: false }).nullish(),
    minValue: optionalInt,
    maxValue: optionalInt,
  })
  .superRefine((field, ctx) => {
    if (field.minLength != null && field.maxLength != null && field.minLength > field.maxLength) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxLength'],
        message: 'Must be at least the minimum length',
      });
    }
    if (field.minValue != null && field.maxValue != null && field.minValue > field.maxValue) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxValue'],
        message: 'Must be at least the minimum value',
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
        message: 'Number fields use min/max value, not length or pattern',
      });
    }
    if (field.fieldType !== 'number' && (field.minValue != null || field.maxValue != null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['fieldType'],
        message: 'Min/max value apply to number fields only',
      });
    }
  });

export const subscriptionPlanInput = z.object({
  label,
  description,
  billingCycle: z.enum(['one_time', 'monthly', 'quarterly', 'annual']),
  // Basis points: 10000 = x1.0. Integer so plan pricing never touches floats.
  priceMultiplierBps: int({
    min: 0,
    max: 100_000,
    message: 'Must be a whole number of basis points',
    minMessage: 'Must be 0 or more',
    maxMessage: 'At most 100000 (x10)',
  }).nullish(),
  priceDeltaCents: priceDeltaCents.nullish(),
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

const optionGroups = z.array(optionGroupInput).max(20, 'At most 20 option groups');
const addOns = z.array(addOnInput).max(50, 'At most 50 add-ons');
const customFields = z.array(customFieldInput).max(30, 'At most 30 custom fields');
const subscriptionPlans = z
  .array(subscriptionPlanInput)
  .max(10, 'At most 10 plans')
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
  name: text({ min: 1, max: 120 }),
  description: text({ max: 5000 }).default(''),
  basePriceCents: int({
    min: 0,
    max: 100_000_000,
    message: 'Enter a price',
    intMessage: 'Must be a whole number of cents',
    minMessage: 'Must be 0 or more',
    maxMessage: 'At most 1,000,000.00',
  }),
  currency: z.enum(SUPPORTED_CURRENCIES, { error: `One of ${SUPPORTED_CURRENCIES.join(', ')}` }),
  status: z.enum(['draft', 'active', 'archived']).default('draft'),
  imageUrl: url({ message: 'Must be an http(s) URL' }).nullish(),
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
