import type { Vendor } from '@souk/db';

/** Where the vendor finishes payout setup (the vendor portal's profile page). */
export const PAYOUT_SETUP_PATH = '/vendor/profile#payout-setup';

/**
 * Why this vendor cannot ask for a payout at all, or null. A request finance can
 * only refuse (no account to transfer to) is stopped here, with the way forward.
 */
export function payoutRequestBlockedReason(
  vendor: Pick<Vendor, 'payoutsDisabled' | 'payoutsEnabled' | 'connectedAccountId'>,
): string | null {
  if (vendor.payoutsDisabled) {
    return 'Payouts are paused on your account by the platform: contact support to lift the pause';
  }
  if (!vendor.connectedAccountId || !vendor.payoutsEnabled) {
    return 'Finish payout setup on your profile page before requesting a payout';
  }
  return null;
}
