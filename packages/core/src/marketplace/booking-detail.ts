import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { coreEnv } from '../env';
import { amountsOf, bookingPaymentSummarySelect, bookingVendorSelect } from './booking-access';
import { bookingStatusLabel, completionBlockedReason } from './booking-status';

/** Everything the organizer (or staff) sees of one booking; callers check who may see it. */
export async function getBookingDetail({
  ctx,
  bookingId,
}: {
  ctx: TenantContext;
  bookingId: string;
}) {
  const booking = await ctx.tx.booking.findUnique({
    where: { id: bookingId },
    include: {
      template: { select: { id: true, name: true } },
      vendors: { select: bookingVendorSelect, orderBy: [{ role: 'asc' }, { createdAt: 'asc' }] },
      payments: {
        select: {
          ...bookingPaymentSummarySelect,
          failureMessage: true,
          processorPaymentIntentId: true,
        },
        orderBy: { createdAt: 'asc' },
      },
      disputes: {
        select: {
          id: true,
          status: true,
          reason: true,
          openedAs: true,
          resolutionNote: true,
          createdAt: true,
        },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  if (!booking) throw AppError.notFound('Booking');
  return {
    ...booking,
    amounts: amountsOf(booking),
    statusLabel: bookingStatusLabel(booking),
    /** Why the organizer cannot mark the event completed yet (null: they can, date-wise). */
    completionBlockedReason: completionBlockedReason(booking.eventDate),
    /** DEPOSITS_ENABLED: whether a deposit may be paid, or only the full amount. */
    depositsEnabled: coreEnv.DEPOSITS_ENABLED,
  };
}
