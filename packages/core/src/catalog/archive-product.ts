import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { loadProduct, toAdminProduct, type AdminProduct } from './product-shape';

export async function archiveProduct({
  ctx,
  id,
}: {
  ctx: TenantContext;
  id: string;
}): Promise<AdminProduct> {
  const before = toAdminProduct(await loadProduct(ctx.tx, id));
  if (before.status === 'archived') return before;
  await ctx.tx.product.update({ where: { id }, data: { status: 'archived' } });
  const after = toAdminProduct(await loadProduct(ctx.tx, id));
  await recordAudit(ctx, {
    action: 'product.archived',
    entityType: 'product',
    entityId: id,
    before,
    after,
  });
  return after;
}
