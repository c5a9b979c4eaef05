import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { openDisputeOf } from './booking-open-dispute';
import { lockPayout } from './payout-lock';
import { PAYOUT_SETUP_PATH, payoutRequestBlockedReason } from './payout-request-blocked-reason';
import { requireMyVendor } from './vendor-lookup';

/** Vendor asks for the reservation share of a paid booking: locked -> eligible (admin approves). */
export async function requestPayout({ ctx, id }: { ctx: TenantContext; id: string }) {
  const vendor = await requireMyVendor(ctx);
  const payout = await lockPayout(ctx, id);
  if (payout.vendorId !== vendor.id) throw AppError.notFound('Payout');
  if (payout.milestone !== 'reservation') {
    throw new AppError('CONFLICT', 'Completion payouts are released when the event is completed');
  }
  if (payout.status !== 'locked')
    throw new AppError('CONFLICT', `This payout is already ${payout.status}`);
  const blocked = payoutRequestBlockedReason(vendor);
  if (blocked) {
    throw new AppError('CONFLICT', blocked, {
      reason: vendor.payoutsDisabled ? 'payouts_disabled' : 'payout_setup_required',
      setupPath: PAYOUT_SETUP_PATH,
    });
  }
  const dispute = await openDisputeOf(ctx, payout.bookingId);
  const now = new Date();
  return ctx.tx.payout.update({
    where: { id: payout.id },
    data: dispute
      ? {
          status: 'held',
          heldByDisputeId: dispute.id,
          heldReason: 'Dispute open',
          requestedAt: now,
        }
      : { status: 'eligible', requestedAt: now, eligibleAt: now },
  });
}
