import type { TenantContext } from '../context';
import { changeBillingStatus } from './change-billing-status';
import type { BillingReasonInput } from './schemas';

/** paused -> active, stamping the resume reason code and `resumedAt`; audited. */
export function resumeBilling({ ctx, input }: { ctx: TenantContext; input: BillingReasonInput }) {
  return changeBillingStatus(ctx, 'active', input);
}
