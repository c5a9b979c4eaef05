import type { TenantContext } from '../context';
import { changeBillingStatus } from './change-billing-status';
import type { BillingReasonInput } from './schemas';

/** active -> paused, stamping the reason code and `pausedAt`; audited. */
export function pauseBilling({ ctx, input }: { ctx: TenantContext; input: BillingReasonInput }) {
  return changeBillingStatus(ctx, 'paused', input);
}
