import type { z } from 'zod';
import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { pageArgs, pageOf } from '../page';
import type { listPayoutsInput } from './schemas';

const payoutInclude = {
  booking: { select: { number: true, status: true } },
  vendor: { select: { displayName: true, payoutsDisabled: true, payoutsEnabled: true } },
} satisfies Prisma.PayoutInclude;

export async function listPayouts({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listPayoutsInput>;
}) {
  const where = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.milestone ? { milestone: input.milestone } : {}),
  };
  const total = await ctx.tx.payout.count({ where });
  const rows = await ctx.tx.payout.findMany({
    where,
    include: payoutInclude,
    orderBy: [{ createdAt: 'desc' }, { milestone: 'desc' }, { id: 'asc' }],
    ...pageArgs(input),
  });
  return pageOf(input, total, rows);
}
