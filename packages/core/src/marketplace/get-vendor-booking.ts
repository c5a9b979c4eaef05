import type { TenantContext } from '../context';
import { PAYOUT_SETUP_PATH, payoutRequestBlockedReason } from './payout-request-blocked-reason';
import { myLinkage, vendorBookingSelect } from './vendor-linkage';

/** A booking as one of its vendors sees it: summary, their answer, their payouts. */
export async function getVendorBooking({
  ctx,
  bookingId,
}: {
  ctx: TenantContext;
  bookingId: string;
}) {
  const { vendor, linkage } = await myLinkage(ctx, bookingId);
  const booking = await ctx.tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: {
      ...vendorBookingSelect,
      notes: true,
      template: { select: { name: true } },
      organizer: { select: { name: true } },
      completedAt: true,
    },
  });
  const payouts = await ctx.tx.payout.findMany({
    where: { bookingId, vendorId: linkage.vendorId },
    orderBy: [{ createdAt: 'asc' }, { milestone: 'desc' }],
  });
  return {
    booking,
    linkage,
    payouts,
    requestBlockedReason: payoutRequestBlockedReason(vendor),
    payoutSetupPath: PAYOUT_SETUP_PATH,
  };
}
