import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { customerRows, NEWEST_CUSTOMERS_FIRST, type CustomerRow } from './customer-rows';

/**
 * The org's customer with this user id. Someone who is not a customer here (another org's,
 * a vendor or staff member without orders or bookings, nobody) answers the same NOT_FOUND.
 */
export async function customerOrNotFound(ctx: TenantContext, userId: string): Promise<CustomerRow> {
  const { rows } = await customerRows({
    tx: ctx.tx,
    userId,
    orderBy: NEWEST_CUSTOMERS_FIRST,
    limit: 1,
  });
  const customer = rows[0];
  if (!customer) throw AppError.notFound('Customer');
  return customer;
}
