import { z } from 'zod';
import type { TenantContext } from '../context';
import { pageArgs, pageOf } from '../page';
import { page, pageSize } from '../validation';

export const listOutboxInput = z.object({
  status: z.enum(['pending', 'delivered', 'dead']).optional(),
  page: page(),
  pageSize: pageSize(25),
});
export type ListOutboxInput = z.infer<typeof listOutboxInput>;

export async function listOutbox({ ctx, input }: { ctx: TenantContext; input: ListOutboxInput }) {
  const where = input.status ? { status: input.status } : {};
  // Sequential: queries in one interactive transaction share a single connection.
  const total = await ctx.tx.outboxEvent.count({ where });
  const rows = await ctx.tx.outboxEvent.findMany({
    where,
    orderBy: { createdAt: 'desc' },
    ...pageArgs(input),
  });
  return pageOf(input, total, rows);
}
