import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { requireMyVendor } from './vendor-lookup';

/** The booking summary a vendor sees in their inbox and on a booking's page. */
export const vendorBookingSelect = {
  id: true,
  number: true,
  status: true,
  eventDate: true,
  guestCount: true,
  locationText: true,
  requestedBudgetCents: true,
  currency: true,
  createdAt: true,
} satisfies Prisma.BookingSelect;

/** The signed-in vendor and their answer row for a booking. */
export async function myLinkage(ctx: TenantContext, bookingId: string) {
  const vendor = await requireMyVendor(ctx);
  const linkage = await ctx.tx.bookingVendor.findUnique({
    where: { bookingId_vendorId: { bookingId, vendorId: vendor.id } },
  });
  // A booking the vendor is not part of does not exist for them.
  if (!linkage) throw AppError.notFound('Booking');
  return { vendor, linkage };
}
