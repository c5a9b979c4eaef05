import type { z } from 'zod';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { actorOrThrow } from './gateway';
import { lockBooking } from './booking-access';
import type { openDisputeInput } from './schemas';

/**
 * The organizer or a vendor on the booking raises a problem: every payout of the
 * booking that could be paid out now is held until an admin resolves it.
 */
export async function openDispute({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof openDisputeInput>;
}) {
  const actor = actorOrThrow(ctx);
  const booking = await lockBooking(ctx, input.bookingId);
  let openedAs: 'organizer' | 'vendor';
  if (booking.organizerId === actor.userId) {
    openedAs = 'organizer';
  } else {
    const vendor = await ctx.tx.vendor.findUnique({
      where: { orgId_userId: { orgId: ctx.orgId, userId: actor.userId } },
    });
    const linked = vendor
      ? await ctx.tx.bookingVendor.findUnique({
          where: { bookingId_vendorId: { bookingId: booking.id, vendorId: vendor.id } },
        })
      : null;
    if (!linked) throw AppError.notFound('Booking');
    openedAs = 'vendor';
  }
  if (booking.status !== 'paid' && booking.status !== 'completed') {
    throw new AppError(
      'CONFLICT',
      'Disputes are for paid bookings; before payment, decline or cancel instead',
    );
  }
  const dispute = await ctx.tx.dispute.create({
    data: {
      orgId: ctx.orgId,
      bookingId: booking.id,
      openedById: actor.userId,
      openedAs,
      reason: input.reason,
    },
  });
  const held = await ctx.tx.payout.updateMany({
    where: { bookingId: booking.id, status: 'eligible' },
    data: { status: 'held', heldByDisputeId: dispute.id, heldReason: 'Dispute open' },
  });
  return { ...dispute, heldPayouts: held.count };
}
