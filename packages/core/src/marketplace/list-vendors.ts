import type { z } from 'zod';
import type { TenantContext } from '../context';
import { pageArgs, pageOf, NEWEST_FIRST } from '../page';
import type { listVendorsInput } from './schemas';

export async function listVendors({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listVendorsInput>;
}) {
  const where = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.type ? { type: input.type } : {}),
  };
  const total = await ctx.tx.vendor.count({ where });
  const rows = await ctx.tx.vendor.findMany({
    where,
    include: { user: { select: { email: true } } },
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
  });
  return pageOf(input, total, rows);
}
