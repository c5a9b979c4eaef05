import type { z } from 'zod';
import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { pageArgs, pageOf, NEWEST_FIRST } from '../page';
import type { vendorInboxInput } from './schemas';
import { requireMyVendor } from './vendor-lookup';
import { vendorBookingSelect } from './vendor-linkage';

/** The vendor's inbox: their answer rows, newest request first, with the booking's summary. */
export async function listVendorInbox({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof vendorInboxInput>;
}) {
  const vendor = await requireMyVendor(ctx);
  const where: Prisma.BookingVendorWhereInput = {
    vendorId: vendor.id,
    ...(input.status ? { status: input.status } : {}),
    ...(input.bookingStatus ? { booking: { status: input.bookingStatus } } : {}),
  };
  // Sequential: queries in one interactive transaction share a single connection.
  const total = await ctx.tx.bookingVendor.count({ where });
  const rows = await ctx.tx.bookingVendor.findMany({
    // Join bookings for the page's 25 rows only, not for every row the offset skips.
    relationLoadStrategy: 'query',
    where,
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
    select: {
      id: true,
      role: true,
      status: true,
      agreedAmountCents: true,
      proposedAmountCents: true,
      createdAt: true,
      booking: { select: vendorBookingSelect },
    },
  });
  return pageOf(input, total, rows);
}
