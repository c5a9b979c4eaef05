import type { z } from 'zod';
import type { TenantContext } from '../context';
import { pageArgs, pageOf, NEWEST_FIRST } from '../page';
import { amountsOf } from './booking-access';
import { bookingStatusLabel } from './booking-status';
import type { listBookingsInput } from './schemas';

export async function listBookings({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listBookingsInput>;
}) {
  const where = input.status ? { status: input.status } : {};
  const total = await ctx.tx.booking.count({ where });
  const rows = await ctx.tx.booking.findMany({
    where,
    include: {
      organizer: { select: { email: true, name: true } },
      vendors: {
        select: { status: true, role: true, vendor: { select: { displayName: true } } },
      },
    },
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
  });
  return pageOf(
    input,
    total,
    rows.map((b) => ({ ...b, amounts: amountsOf(b), statusLabel: bookingStatusLabel(b) })),
  );
}
