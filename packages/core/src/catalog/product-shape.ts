import type { Prisma, Tx } from '@souk/db';
import { AppError } from '../errors';
import { assertChargeablePrice } from './chargeable-price';
import type { ConfigurationInput } from './schemas';

const byPosition = { orderBy: { position: 'asc' } } as const;

export const productWithConfiguration = {
  optionGroups: { ...byPosition, include: { options: byPosition } },
  addOns: byPosition,
  customFields: byPosition,
  subscriptionPlans: byPosition,
} satisfies Prisma.ProductInclude;

type LoadedProduct = Prisma.ProductGetPayload<{ include: typeof productWithConfiguration }>;

function configurationOf(p: LoadedProduct) {
  return {
    optionGroups: p.optionGroups.map((g) => ({
      id: g.id,
      name: g.name,
      description: g.description,
      selectionType: g.selectionType,
      isRequired: g.isRequired,
      options: g.options.map((o) => ({
        id: o.id,
        label: o.label,
        description: o.description,
        priceDeltaCents: o.priceDeltaCents,
      })),
    })),
    addOns: p.addOns.map((a) => ({
      id: a.id,
      label: a.label,
      description: a.description,
      priceDeltaCents: a.priceDeltaCents,
    })),
    customFields: p.customFields.map((f) => ({
      id: f.id,
      label: f.label,
      fieldType: f.fieldType,
      isRequired: f.isRequired,
      placeholder: f.placeholder,
      helpText: f.helpText,
      minLength: f.minLength,
      maxLength: f.maxLength,
      pattern: f.pattern,
      minValue: f.minValue,
      maxValue: f.maxValue,
    })),
    subscriptionPlans: p.subscriptionPlans.map((s) => ({
      id: s.id,
      label: s.label,
      description: s.description,
      billingCycle: s.billingCycle,
      priceMultiplierBps: s.priceMultiplierBps,
      priceDeltaCents: s.priceDeltaCents,
      isDefault: s.isDefault,
    })),
  };
}

export type ProductConfiguration = ReturnType<typeof configurationOf>;

/** The product's own fields a shopper may see; both shapes start with them. */
function shownFields(p: LoadedProduct) {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    basePriceCents: p.basePriceCents,
    currency: p.currency,
    imageUrl: p.imageUrl,
  };
}

export function toAdminProduct(p: LoadedProduct) {
  return {
    ...shownFields(p),
    status: p.status,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    configuration: configurationOf(p),
  };
}
export type AdminProduct = ReturnType<typeof toAdminProduct>;

/** The storefront shape (spec 001): configuration flattened beside the product fields. */
export function toStorefrontProduct(p: LoadedProduct) {
  return { ...shownFields(p), ...configurationOf(p) };
}
export type StorefrontProduct = ReturnType<typeof toStorefrontProduct>;

export async function loadProduct(tx: Tx, id: string): Promise<LoadedProduct> {
  const product = await tx.product.findUnique({
    where: { id },
    include: productWithConfiguration,
    relationLoadStrategy: 'join',
  });
  if (!product) throw AppError.notFound('Product');
  return product;
}

/**
 * The product as saved, refused unless a customer can pay for it. Checked on the saved
 * whole: an edit may change only the price or only the options.
 */
export async function loadChargeableProduct(tx: Tx, id: string): Promise<AdminProduct> {
  const loaded = await loadProduct(tx, id);
  assertChargeablePrice(loaded);
  return toAdminProduct(loaded);
}

type Collections = Partial<ConfigurationInput>;

/** An option's or add-on's row fields: both are a label with a price change. */
function priced(item: { label: string; description?: string | null; priceDeltaCents: number }) {
  return {
    label: item.label,
    description: item.description ?? null,
    priceDeltaCents: item.priceDeltaCents,
  };
}

/**
 * Replaces the given collections of a product (all four when `collections` is a
 * full configuration). Runs in the caller's transaction, so a failure anywhere
 * leaves the previous configuration untouched.
 */
export async function writeConfiguration(
  tx: Tx,
  orgId: string,
  productId: string,
  collections: Collections,
): Promise<void> {
  await tx.productOptionGroup.deleteMany({ where: { productId } }); // options cascade
  await tx.productAddOn.deleteMany({ where: { productId } });
  await tx.productCustomField.deleteMany({ where: { productId } });
  await tx.productSubscriptionPlan.deleteMany({ where: { productId } });

  // Rows keep their list order in `position` and carry the org for RLS.
  const placed = <T, R>(items: readonly T[] | undefined, row: (item: T) => R) =>
    (items ?? []).map((item, position) => ({ orgId, productId, ...row(item), position }));

  const groups = (collections.optionGroups ?? []).map((input) => ({
    id: crypto.randomUUID(),
    input,
  }));
  if (groups.length > 0) {
    await tx.productOptionGroup.createMany({
      data: placed(groups, ({ id, input: g }) => ({
        id,
        name: g.name,
        description: g.description ?? null,
        selectionType: g.selectionType,
        isRequired: g.isRequired,
      })),
    });
    await tx.productOption.createMany({
      data: groups.flatMap(({ id: groupId, input }) =>
        input.options.map((o, position) => ({ orgId, groupId, ...priced(o), position })),
      ),
    });
  }
  const addOns = placed(collections.addOns, priced);
  if (addOns.length > 0) await tx.productAddOn.createMany({ data: addOns });
  const fields = placed(collections.customFields, (f) => ({
    label: f.label,
    fieldType: f.fieldType,
    isRequired: f.isRequired,
    placeholder: f.placeholder ?? null,
    helpText: f.helpText ?? null,
    minLength: f.minLength ?? null,
    maxLength: f.maxLength ?? null,
    pattern: f.pattern || null,
    minValue: f.minValue ?? null,
    maxValue: f.maxValue ?? null,
  }));
  if (fields.length > 0) await tx.productCustomField.createMany({ data: fields });
  const plans = placed(collections.subscriptionPlans, (s) => ({
    label: s.label,
    description: s.description ?? null,
    billingCycle: s.billingCycle,
    priceMultiplierBps: s.priceMultiplierBps ?? null,
    priceDeltaCents: s.priceDeltaCents ?? null,
    isDefault: s.isDefault,
  }));
  if (plans.length > 0) await tx.productSubscriptionPlan.createMany({ data: plans });
}

export const SLUG_TAKEN = 'A product with this slug already exists';

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
  );
}

/**
 * Writes a product row with its slug checked first (a clear field error) and the
 * unique index as the backstop when two admins race for the same slug.
 */
export async function writeWithUniqueSlug<T>(
  tx: Tx,
  orgId: string,
  slug: string | undefined,
  write: () => Promise<T>,
): Promise<T> {
  if (slug !== undefined) {
    const clash = await tx.product.findUnique({
      where: { orgId_slug: { orgId, slug } },
      select: { id: true },
    });
    if (clash) throw AppError.field('slug', SLUG_TAKEN);
  }
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.field('slug', SLUG_TAKEN);
    throw error;
  }
}
