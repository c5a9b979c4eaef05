import type { TenantContext } from '../context';
import { getBookingDetail } from './booking-detail';

/** The organizer's view of a booking plus what staff reconcile: organizer, payouts, ledger. */
export async function getBookingForStaff({
  ctx,
  bookingId,
}: {
  ctx: TenantContext;
  bookingId: string;
}) {
  const detail = await getBookingDetail({ ctx, bookingId });
  const organizer = await ctx.tx.user.findUnique({
    where: { id: detail.organizerId },
    select: { email: true, name: true },
  });
  const payouts = await ctx.tx.payout.findMany({
    where: { bookingId },
    include: { vendor: { select: { displayName: true } } },
    orderBy: [{ createdAt: 'asc' }, { milestone: 'desc' }],
  });
  const allocations = await ctx.tx.payoutAllocation.findMany({
    where: { bookingId },
    orderBy: { createdAt: 'asc' },
  });
  const ledger = await ctx.tx.ledgerEntry.findMany({
    where: { bookingId },
    orderBy: { createdAt: 'asc' },
  });
  return { ...detail, organizer, payouts, allocations, ledger };
}
