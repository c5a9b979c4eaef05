import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import {
  loadChargeableProduct,
  loadProduct,
  toAdminProduct,
  writeConfiguration,
  writeWithUniqueSlug,
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

  const changedSlug =
    fields.slug !== undefined && fields.slug !== before.slug ? fields.slug : undefined;
  await writeWithUniqueSlug(ctx.tx, ctx.orgId, changedSlug, () =>
    ctx.tx.product.update({
      where: { id },
      data: {
        ...fields,
        ...(fields.imageUrl !== undefined ? { imageUrl: fields.imageUrl ?? null } : {}),
        // A configuration-only edit must still move updatedAt.
        updatedAt: new Date(),
      },
    }),
  );
  if (configuration) await writeConfiguration(ctx.tx, ctx.orgId, id, configuration);

  const after = await loadChargeableProduct(ctx.tx, id);
  await recordAudit(ctx, {
    action: 'product.updated',
    entityType: 'product',
    entityId: id,
    before,
    after,
  });
  return after;
}
