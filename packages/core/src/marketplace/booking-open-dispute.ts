import type { TenantContext } from '../context';

/** The booking's oldest open dispute, which holds its payouts; null when there is none. */
export function openDisputeOf(ctx: TenantContext, bookingId: string) {
  return ctx.tx.dispute.findFirst({
    where: { bookingId, status: 'open' },
    orderBy: { createdAt: 'asc' },
  });
}
