import type { TenantContext } from '../context';

export async function listStorefrontProducts({ ctx }: { ctx: TenantContext }) {
  return ctx.tx.product.findMany({
    where: { status: 'active' },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 200,
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      basePriceCents: true,
      currency: true,
      imageUrl: true,
    },
  });
}
