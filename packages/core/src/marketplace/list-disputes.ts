import type { z } from 'zod';
import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { pageArgs, pageOf, NEWEST_FIRST } from '../page';
import type { listDisputesInput } from './schemas';

export async function listDisputes({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listDisputesInput>;
}) {
  const where: Prisma.DisputeWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.userId ? { openedById: input.userId } : {}),
    ...(input.bookingId ? { bookingId: input.bookingId } : {}),
  };
  // Sequential: queries in one interactive transaction share a single connection.
  const total = await ctx.tx.dispute.count({ where });
  const rows = await ctx.tx.dispute.findMany({
    where,
    include: { booking: { select: { number: true, status: true, currency: true } } },
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
  });
  const heldCounts = await ctx.tx.payout.groupBy({
    by: ['heldByDisputeId'],
    where: { heldByDisputeId: { in: rows.map((r) => r.id) }, status: 'held' },
    _count: { _all: true },
    _sum: { amountCents: true },
  });
  const held = new Map(heldCounts.map((h) => [h.heldByDisputeId, h]));
  return pageOf(
    input,
    total,
    rows.map((r) => ({
      ...r,
      heldPayouts: held.get(r.id)?._count._all ?? 0,
      heldCents: held.get(r.id)?._sum.amountCents ?? 0,
    })),
  );
}
