import type { z } from 'zod';
import type { TenantContext } from '../context';
import { pageArgs, pageOf } from '../page';
import { publicVendorSelect } from './public-vendor-select';
import type { publicVendorsInput } from './schemas';

export async function listPublicVendors({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof publicVendorsInput>;
}) {
  const where = { status: 'approved' as const, ...(input.type ? { type: input.type } : {}) };
  const total = await ctx.tx.vendor.count({ where });
  const rows = await ctx.tx.vendor.findMany({
    where,
    select: publicVendorSelect,
    // id breaks ties between equal names so no vendor falls between two pages.
    orderBy: [{ type: 'asc' }, { displayName: 'asc' }, { id: 'asc' }],
    ...pageArgs(input),
  });
  return pageOf(input, total, rows);
}
