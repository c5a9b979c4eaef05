import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { SLUG_TAKEN } from './create-product';
import {
  isUniqueViolation,
  loadProduct,
  toAdminProduct,
  writeConfiguration,
  type AdminProduct,
} from './product-shape';
import type { UpdateProductInput } from './schemas';

export async function updateProduct({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: UpdateProductInput;
}): Promise<AdminProduct> {
  const { id, configuration, ...fields } = input;
  const before = toAdminProduct(await loadProduct(ctx.tx, id));

  if (fields.slug !== undefined && fields.slug !== before.slug) {
    const clash = await ctx.tx.product.findUnique({
      where: { orgId_slug: { orgId: ctx.orgId, slug: fields.slug } },
      select: { id: true },
    });
    if (clash) throw AppError.field('slug', SLUG_TAKEN);
  }

  try {
    await ctx.tx.product.update({
      where: { id },
      data: {
        ...fields,
        ...(fields.imageUrl !== undefined ? { imageUrl: fields.imageUrl ?? null } : {}),
        // A configuration-only edit must still move updatedAt.
        updatedAt: new Date(),
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.field('slug', SLUG_TAKEN);
    throw error;
  }
  if (configuration) await writeConfiguration(ctx.tx, ctx.orgId, id, configuration);

  const after = toAdminProduct(await loadProduct(ctx.tx, id));
  await recordAudit(ctx, {
    action: 'product.update',
    entityType: 'product',
    entityId: id,
    before,
    after,
  });
  return after;
}
