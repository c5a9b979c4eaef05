import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import {
  isUniqueViolation,
  loadProduct,
  toAdminProduct,
  writeConfiguration,
  type AdminProduct,
} from './product-shape';
import type { CreateProductInput } from './schemas';

export const SLUG_TAKEN = 'A product with this slug already exists';

export async function createProduct({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: CreateProductInput;
}): Promise<AdminProduct> {
  const { configuration, ...fields } = input;
  const existing = await ctx.tx.product.findUnique({
    where: { orgId_slug: { orgId: ctx.orgId, slug: fields.slug } },
    select: { id: true },
  });
  if (existing) throw AppError.field('slug', SLUG_TAKEN);

  let id: string;
  try {
    ({ id } = await ctx.tx.product.create({
      data: { ...fields, imageUrl: fields.imageUrl ?? null, orgId: ctx.orgId },
      select: { id: true },
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.field('slug', SLUG_TAKEN);
    throw error;
  }
  if (configuration) await writeConfiguration(ctx.tx, ctx.orgId, id, configuration);

  const product = toAdminProduct(await loadProduct(ctx.tx, id));
  await recordAudit(ctx, {
    action: 'product.create',
    entityType: 'product',
    entityId: id,
    after: product,
  });
  return product;
}
