import type { TenantContext } from '../context';
import { AppError } from '../errors';
import {
  productWithConfiguration,
  toStorefrontProduct,
  type StorefrontProduct,
} from './product-shape';

/** Public read: only active products are visible to customers. */
export async function getStorefrontProduct({
  ctx,
  slug,
}: {
  ctx: TenantContext;
  slug: string;
}): Promise<StorefrontProduct> {
  const product = await ctx.tx.product.findFirst({
    where: { slug, status: 'active' },
    include: productWithConfiguration,
    // One SQL statement (JSON aggregation) instead of a query per relation.
    relationLoadStrategy: 'join',
  });
  if (!product) throw AppError.notFound('Product');
  return toStorefrontProduct(product);
}
