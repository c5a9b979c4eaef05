import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import {
  loadChargeableProduct,
  loadProduct,
  toAdminProduct,
  writeConfiguration,
  type AdminProduct,
} from './product-shape';
import type { ReplaceOptionsInput } from './schemas';

/** Spec 000: replaces all four collections at once; a collection left out is deleted. */
export async function replaceProductOptions({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ReplaceOptionsInput;
}): Promise<AdminProduct> {
  const { productId, ...collections } = input;
  const before = toAdminProduct(await loadProduct(ctx.tx, productId));
  await writeConfiguration(ctx.tx, ctx.orgId, productId, collections);
  await ctx.tx.product.update({ where: { id: productId }, data: { updatedAt: new Date() } });
  const after = await loadChargeableProduct(ctx.tx, productId);
  await recordAudit(ctx, {
    action: 'product.options_replaced',
    entityType: 'product',
    entityId: productId,
    before: before.configuration,
    after: after.configuration,
  });
  return after;
}
