import { z } from 'zod';
import { SUPPORTED_CURRENCIES } from '../money';

export const PRICE_DELTA_MIN = -100_000;
export const PRICE_DELTA_MAX = 100_000;

const label = z.string().trim().min(1, 'Required').max(120, 'At most 120 characters');
const description = z.string().trim().max(1000, 'At most 1000 characters').nullish();

const priceDeltaCents = z
  .number({ error: 'Enter an amount in cents' })
  .int('Must be a whole number of cents')
  .min(PRICE_DELTA_MIN, `Must be at least ${PRICE_DELTA_MIN}`)
  .max(PRICE_DELTA_MAX, `Must be at most ${PRICE_DELTA_MAX}`);

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

const optionalInt = z.number().int('Must be a whole number').nullish();

export const customFieldInput = z
  .object({
    label,
    fieldType: z.enum(['text', 'url', 'number']),
    isRequired: z.boolean().default(false),
    placeholder: z.string().trim().max(200).nullish(),
    helpText: z.string().trim().max(500).nullish(),
    minLength: optionalInt.refine((v) => v == null || v >= 0, 'Must be 0 or more'),
    maxLength: optionalInt.refine(
      (v) => v == null || (v >= 1 && v <= 5000),
      'Must be between 1 and 5000',
    ),
    pattern: z.string().max(200, 'At most 200 characters').nullish(),
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
      try {
        new RegExp(field.pattern, 'u');
      } catch {
        ctx.addIssue({
          code: 'custom',
          path: ['pattern'],
          message: 'Not a valid regular expression',
        });
      }
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
  priceMultiplierBps: z
    .number()
    .int('Must be a whole number of basis points')
    .min(0, 'Must be 0 or more')
    .max(100_000, 'At most 100000 (x10)')
    .nullish(),
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
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, 'At least 2 characters')
    .max(80, 'At most 80 characters')
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, numbers and single dashes'),
  name: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters'),
  description: z.string().trim().max(5000, 'At most 5000 characters').default(''),
  basePriceCents: z
    .number({ error: 'Enter a price' })
    .int('Must be a whole number of cents')
    .min(0, 'Must be 0 or more')
    .max(100_000_000, 'At most 1,000,000.00'),
  currency: z.enum(SUPPORTED_CURRENCIES, { error: `One of ${SUPPORTED_CURRENCIES.join(', ')}` }),
  status: z.enum(['draft', 'active', 'archived']).default('draft'),
  imageUrl: z
    .url({ protocol: /^https?$/, error: 'Must be an http(s) URL' })
    .max(2000)
    .nullish(),
});

export const createProductInput = productFields.extend({
  configuration: configurationInput.optional(),
});
export type CreateProductInput = z.infer<typeof createProductInput>;

export const updateProductInput = productFields
  .partial()
  .extend({ id: z.uuid('Unknown product'), configuration: configurationInput.optional() });
export type UpdateProductInput = z.infer<typeof updateProductInput>;

/** Omitted collections are deleted: the payload is the whole new configuration. */
export const replaceOptionsInput = z.object({
  productId: z.uuid('Unknown product'),
  optionGroups: optionGroups.optional(),
  addOns: addOns.optional(),
  customFields: customFields.optional(),
  subscriptionPlans: subscriptionPlans.optional(),
});
export type ReplaceOptionsInput = z.infer<typeof replaceOptionsInput>;

export const listProductsInput = z.object({
  search: z.string().trim().max(200).optional(),
  status: z.enum(['draft', 'active', 'archived']).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
  sort: z.enum(['name', 'updatedAt', 'basePriceCents', 'status']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListProductsInput = z.infer<typeof listProductsInput>;

export const productIdInput = z.object({ id: z.uuid('Unknown product') });
export const storefrontProductInput = z.object({
  slug: z.string().trim().min(1).max(80),
  orgSlug: z.string().trim().min(1).max(80).optional(),
});
export const storefrontListInput = z.object({
  orgSlug: z.string().trim().min(1).max(80).optional(),
});
