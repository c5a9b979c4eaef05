import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { loadProduct, toAdminProduct } from './product-shape';

export async function deleteProduct({
  ctx,
  id,
}: {
  ctx: TenantContext;
  id: string;
}): Promise<{ id: string }> {
  const before = toAdminProduct(await loadProduct(ctx.tx, id));
  await ctx.tx.product.delete({ where: { id } }); // configuration rows cascade
  await recordAudit(ctx, {
    action: 'product.deleted',
    entityType: 'product',
    entityId: id,
    before,
  });
  return { id };
}
