import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import type { ListProductsInput } from './schemas';
import { pageArgs, pageOf } from '../page';

/** What the list, and its CSV export, show of a product. */
export const productListSelect = {
  id: true,
  slug: true,
  name: true,
  status: true,
  basePriceCents: true,
  currency: true,
  imageUrl: true,
  updatedAt: true,
} satisfies Prisma.ProductSelect;

/** The list's filters as a query condition; the CSV export filters the same way. */
export function productListWhere(
  input: Pick<ListProductsInput, 'status' | 'search'>,
): Prisma.ProductWhereInput {
  return {
    ...(input.status ? { status: input.status } : {}),
    ...(input.search
      ? {
          OR: [
            { name: { contains: input.search, mode: 'insensitive' } },
            { slug: { contains: input.search, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
}

export async function listProducts({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListProductsInput;
}) {
  const where = productListWhere(input);
  // Sequential: queries in one interactive transaction share a single connection.
  const items = await ctx.tx.product.findMany({
    where,
    // id breaks ties so pages never overlap or skip rows.
    orderBy: [{ [input.sort]: input.order }, { id: 'asc' }],
    ...pageArgs(input),
    select: productListSelect,
  });
  const total = await ctx.tx.product.count({ where });
  return pageOf(input, total, items);
}
