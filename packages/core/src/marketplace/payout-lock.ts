import type { Payout } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';

/** Every payout mutation starts here, so concurrent admin actions see each other's result. */
export async function lockPayout(ctx: TenantContext, id: string): Promise<Payout> {
  await ctx.tx.$queryRaw`SELECT id FROM payouts WHERE id = ${id}::uuid FOR UPDATE`;
  const payout = await ctx.tx.payout.findUnique({ where: { id } });
  if (!payout) throw AppError.notFound('Payout');
  return payout;
}

/** An eligible payout with `approvedAt` set has a transfer in flight (see send-payout.ts). */
export const APPROVAL_IN_FLIGHT =
  'This payout is being approved right now: reload in a moment to see the result';
