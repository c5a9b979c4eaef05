import type { Booking, BookingStatus, Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { canTransition, isReadyForPayment } from './booking-status';
import { publicVendorSelect } from './public-vendor-select';
import { splitBps } from './split';
import { coreEnv } from '../env';

/**
 * Every booking mutation starts here: the row lock serializes concurrent actions
 * on one booking (two approvals, fifty pay clicks), so each sees the other's result.
 */
export async function lockBooking(ctx: TenantContext, bookingId: string): Promise<Booking> {
  await ctx.tx.$queryRaw`SELECT id FROM bookings WHERE id = ${bookingId}::uuid FOR UPDATE`;
  const booking = await ctx.tx.booking.findUnique({ where: { id: bookingId } });
  if (!booking) throw AppError.notFound('Booking');
  return booking;
}

export async function lockOrganizerBooking(ctx: TenantContext, bookingId: string) {
  const booking = await lockBooking(ctx, bookingId);
  // Someone else's booking reads as missing, not as forbidden: ids are not to be probed.
  if (booking.organizerId !== ctx.actor?.userId) throw AppError.notFound('Booking');
  return booking;
}

export function assertTransition(booking: Booking, to: BookingStatus) {
  if (!canTransition(booking.status, to)) {
    throw new AppError(
      'CONFLICT',
      `Booking #${booking.number} is ${booking.status.replaceAll('_', ' ')} and cannot become ${to.replaceAll('_', ' ')}`,
      { status: booking.status },
    );
  }
}

export const bookingVendorSelect = {
  id: true,
  role: true,
  status: true,
  agreedAmountCents: true,
  proposedAmountCents: true,
  vendorNote: true,
  respondedAt: true,
  updatedAt: true,
  vendor: { select: publicVendorSelect },
} satisfies Prisma.BookingVendorSelect;

/** A booking payment as its organizer and client see it: no processor ids, no platform split. */
export const bookingPaymentSummarySelect = {
  id: true,
  kind: true,
  status: true,
  amountCents: true,
  amountRefundedCents: true,
  currency: true,
  createdAt: true,
  succeededAt: true,
} satisfies Prisma.BookingPaymentSelect;

export interface BookingAmounts {
  totalCents: number;
  depositCents: number;
  paidCents: number;
  refundedCents: number;
  balanceDueCents: number;
}

export function amountsOf(
  booking: Booking,
  depositBps = coreEnv.BOOKING_DEPOSIT_PERCENT,
): BookingAmounts {
  return {
    totalCents: booking.totalCents,
    depositCents: splitBps(booking.totalCents, depositBps)[0],
    paidCents: booking.amountPaidCents,
    refundedCents: booking.amountRefundedCents,
    balanceDueCents: Math.max(0, booking.totalCents - booking.amountPaidCents),
  };
}

/**
 * After any vendor answer: all included vendors approved and priced moves the
 * booking to ready_for_payment and fixes its total from the agreed amounts.
 */
export async function recomputeReadiness(ctx: TenantContext, booking: Booking): Promise<Booking> {
  if (booking.status !== 'awaiting_vendor_approval') return booking;
  const linkages = await ctx.tx.bookingVendor.findMany({ where: { bookingId: booking.id } });
  if (!isReadyForPayment(linkages)) return booking;
  const totalCents = linkages
    .filter((l) => l.status === 'approved')
    .reduce((sum, l) => sum + (l.agreedAmountCents ?? 0), 0);
  return ctx.tx.booking.update({
    where: { id: booking.id },
    data: { status: 'ready_for_payment', totalCents },
  });
}
