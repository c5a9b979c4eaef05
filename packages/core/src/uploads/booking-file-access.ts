import type { Role } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';

/** How the caller stands to a booking's files. */
export type BookingFileAccess =
  { as: 'vendor'; vendorId: string } | { as: 'organizer' } | { as: 'staff' };

// The procedure's permission already let only these staff roles through with the bookings
// permission; here the role says whether the caller acts for the org or for themselves.
const STAFF_ROLES: readonly Role[] = ['OWNER', 'ADMIN', 'FINANCE', 'DISPATCHER', 'VIEWER'];

/**
 * Who may attach to or read a booking's files: a vendor booked on it (any answer but a
 * decline), its organizer, and (reading only) staff. Anyone else learns nothing: the
 * booking reads as missing, exactly like an id that does not exist.
 */
export async function bookingFileAccess(
  ctx: TenantContext,
  bookingId: string,
  { staffMayRead }: { staffMayRead: boolean },
): Promise<BookingFileAccess> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHORIZED', 'Sign in to see the files of a booking');
  const booking = await ctx.tx.booking.findUnique({
    where: { id: bookingId },
    select: { id: true, organizerId: true },
  });
  if (!booking) throw AppError.notFound('Booking');
  if (staffMayRead && STAFF_ROLES.includes(actor.role)) return { as: 'staff' };

  const linkage = await ctx.tx.bookingVendor.findFirst({
    where: {
      bookingId,
      status: { not: 'declined' },
      vendor: { userId: actor.userId },
    },
    select: { vendorId: true },
  });
  // A vendor who also organizes (onboarding keeps the customer) attaches as the vendor here.
  if (linkage) return { as: 'vendor', vendorId: linkage.vendorId };
  if (booking.organizerId === actor.userId) return { as: 'organizer' };
  throw AppError.notFound('Booking');
}
