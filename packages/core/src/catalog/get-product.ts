import type { TenantContext } from '../context';
import { loadProduct, toAdminProduct, type AdminProduct } from './product-shape';

export async function getProduct({
  ctx,
  id,
}: {
  ctx: TenantContext;
  id: string;
}): Promise<AdminProduct> {
  return toAdminProduct(await loadProduct(ctx.tx, id));
}
