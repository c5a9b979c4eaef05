import type { z } from 'zod';
import type { TenantContext } from '../context';
import { pageArgs, pageOf, NEWEST_FIRST } from '../page';
import { actorOrThrow } from './gateway';
import { amountsOf, bookingVendorSelect } from './booking-access';
import { bookingStatusLabel } from './booking-status';
import type { listMyBookingsInput } from './schemas';

export async function listMyBookings({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listMyBookingsInput>;
}) {
  const where = {
    organizerId: actorOrThrow(ctx).userId,
    ...(input.status ? { status: input.status } : {}),
  };
  const total = await ctx.tx.booking.count({ where });
  const rows = await ctx.tx.booking.findMany({
    where,
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
    include: { vendors: { select: bookingVendorSelect } },
  });
  return pageOf(
    input,
    total,
    rows.map((b) => ({ ...b, amounts: amountsOf(b), statusLabel: bookingStatusLabel(b) })),
  );
}
