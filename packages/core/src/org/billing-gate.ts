import type { Tx } from '@souk/db';
import { AppError } from '../errors';

export const BILLING_PAUSED_MESSAGE =
  'New booking requests are paused for this marketplace while its billing is paused: please try again later';

/**
 * The entitlement a paused org loses (spec 002: only the plan's status gates entitlements):
 * sending new booking requests to vendors. An org with no plan row yet is on the default
 * plan, which is active.
 */
export async function assertBillingActive(tx: Tx, orgId: string): Promise<void> {
  const plan = await tx.orgPlan.findUnique({ where: { orgId }, select: { status: true } });
  if (plan?.status === 'paused') throw new AppError('CONFLICT', BILLING_PAUSED_MESSAGE);
}
