import type { z } from 'zod';
import type { TenantContext } from '../context';
import { pageArgs, pageOf, NEWEST_FIRST } from '../page';
import type { listPaymentsInput } from './schemas';

export async function listBookingPayments({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listPaymentsInput>;
}) {
  const where = input.status ? { status: input.status } : {};
  const total = await ctx.tx.bookingPayment.count({ where });
  const rows = await ctx.tx.bookingPayment.findMany({
    where,
    omit: { clientSecret: true },
    include: { booking: { select: { number: true, status: true } } },
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
  });
  return pageOf(input, total, rows);
}
