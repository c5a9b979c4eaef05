import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import {
  loadChargeableProduct,
  writeConfiguration,
  writeWithUniqueSlug,
  type AdminProduct,
} from './product-shape';
import type { CreateProductInput } from './schemas';

export async function createProduct({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: CreateProductInput;
}): Promise<AdminProduct> {
  const { configuration, ...fields } = input;
  const { id } = await writeWithUniqueSlug(ctx.tx, ctx.orgId, fields.slug, () =>
    ctx.tx.product.create({
      data: { ...fields, imageUrl: fields.imageUrl ?? null, orgId: ctx.orgId },
      select: { id: true },
    }),
  );
  if (configuration) await writeConfiguration(ctx.tx, ctx.orgId, id, configuration);

  const product = await loadChargeableProduct(ctx.tx, id);
  await recordAudit(ctx, {
    action: 'product.created',
    entityType: 'product',
    entityId: id,
    after: product,
  });
  return product;
}
