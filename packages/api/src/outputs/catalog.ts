import { z } from 'zod';
import { BillingCycle, CustomFieldType, OptionSelectionType, ProductStatus } from '@souk/db';
import { pageSchema } from './shared';

const choiceOutput = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  priceDeltaCents: z.number(),
});

export const productConfigurationOutput = z.object({
  optionGroups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      selectionType: z.enum(OptionSelectionType),
      isRequired: z.boolean(),
      options: z.array(choiceOutput),
    }),
  ),
  addOns: z.array(choiceOutput),
  customFields: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      fieldType: z.enum(CustomFieldType),
      isRequired: z.boolean(),
      placeholder: z.string().nullable(),
      helpText: z.string().nullable(),
      minLength: z.number().nullable(),
      maxLength: z.number().nullable(),
      pattern: z.string().nullable(),
      minValue: z.number().nullable(),
      maxValue: z.number().nullable(),
    }),
  ),
  subscriptionPlans: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      description: z.string().nullable(),
      billingCycle: z.enum(BillingCycle),
      priceMultiplierBps: z.number().nullable(),
      priceDeltaCents: z.number().nullable(),
      isDefault: z.boolean(),
    }),
  ),
});

/** The admin's view of a product, configuration included. */
export const productOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  basePriceCents: z.number(),
  currency: z.string(),
  status: z.enum(ProductStatus),
  imageUrl: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  configuration: productConfigurationOutput,
});

export const productPageOutput = pageSchema(
  productOutput.pick({
    id: true,
    slug: true,
    name: true,
    basePriceCents: true,
    currency: true,
    status: true,
    imageUrl: true,
    updatedAt: true,
  }),
);

/** What shoppers see of a product in the storefront list. */
export const storefrontProductSummaryOutput = productOutput.pick({
  id: true,
  slug: true,
  name: true,
  description: true,
  basePriceCents: true,
  currency: true,
  imageUrl: true,
});

export const storefrontProductsOutput = z.array(storefrontProductSummaryOutput);

/** The product page: the summary with its configuration spread beside it. */
export const storefrontProductOutput = storefrontProductSummaryOutput.extend(
  productConfigurationOutput.shape,
);
