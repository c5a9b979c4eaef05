import type { z } from 'zod';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { lockOrganizerBooking, recomputeReadiness } from './booking-access';
import { getMyBooking } from './get-my-booking';
import type { respondToCounterInput } from './schemas';

/**
 * Organizer's answer to a counter: accepting keeps the vendor's proposed amount;
 * declining drops that vendor and the booking keeps waiting on the others.
 */
export async function respondToCounter({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof respondToCounterInput>;
}) {
  const booking = await lockOrganizerBooking(ctx, input.bookingId);
  if (booking.status !== 'awaiting_vendor_approval') {
    throw new AppError('CONFLICT', `Booking #${booking.number} is not waiting on vendors any more`);
  }
  const linkage = await ctx.tx.bookingVendor.findUnique({ where: { id: input.bookingVendorId } });
  if (!linkage || linkage.bookingId !== booking.id) {
    throw AppError.field('bookingVendorId', 'That vendor is not part of this booking');
  }
  if (linkage.status !== 'countered') {
    throw new AppError('CONFLICT', 'There is no open counter-offer from this vendor');
  }
  await ctx.tx.bookingVendor.update({
    where: { id: linkage.id },
    data: input.accept
      ? { status: 'approved', agreedAmountCents: linkage.proposedAmountCents }
      : { status: 'declined' },
  });
  await recomputeReadiness(ctx, booking);
  return getMyBooking({ ctx, bookingId: booking.id });
}
