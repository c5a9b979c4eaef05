import type { z } from 'zod';
import type { TenantContext } from '../context';
import { pageArgs, pageOf } from '../page';
import { PAYOUT_SETUP_PATH, payoutRequestBlockedReason } from './payout-request-blocked-reason';
import type { vendorPayoutsInput } from './schemas';
import { requireMyVendor } from './vendor-lookup';

export async function listVendorPayouts({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof vendorPayoutsInput>;
}) {
  const vendor = await requireMyVendor(ctx);
  const where = { vendorId: vendor.id, ...(input.status ? { status: input.status } : {}) };
  const total = await ctx.tx.payout.count({ where });
  const rows = await ctx.tx.payout.findMany({
    where,
    include: { booking: { select: { id: true, number: true, status: true } } },
    orderBy: [{ createdAt: 'desc' }, { milestone: 'desc' }, { id: 'asc' }],
    ...pageArgs(input),
  });
  const sums = await ctx.tx.payout.groupBy({
    by: ['status'],
    where: { vendorId: vendor.id },
    _sum: { amountCents: true },
  });
  const totals = Object.fromEntries(sums.map((s) => [s.status, s._sum.amountCents ?? 0]));
  return {
    ...pageOf(input, total, rows),
    totals,
    requestBlockedReason: payoutRequestBlockedReason(vendor),
    payoutSetupPath: PAYOUT_SETUP_PATH,
  };
}
