import type { TenantContext } from '../context';
import { getCustomerPreferences } from './get-customer-preferences';

/** Opted out of order updates? Unknown customers count as opted in (transactional mail). */
export async function wantsOrderUpdates(
  ctx: TenantContext,
  userId: string | null,
): Promise<boolean> {
  if (!userId) return true;
  return (await getCustomerPreferences({ ctx, userId })).orderUpdates;
}
