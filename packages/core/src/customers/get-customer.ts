import type { TenantContext } from '../context';
import { NEWEST_FIRST } from '../page';
import { getCustomerPreferences } from '../checkout/get-customer-preferences';
import { customerOrNotFound } from './customer-or-not-found';

/** How many of the newest orders, bookings and notes the profile shows; counts cover all. */
export const PROFILE_LIST_LIMIT = 50;

/** A customer's profile: identity, lifetime value, orders, bookings, preferences and notes. */
export async function getCustomer({ ctx, id }: { ctx: TenantContext; id: string }) {
  const customer = await customerOrNotFound(ctx, id);
  // Sequential: queries in one interactive transaction share a single connection.
  const orders = await ctx.tx.order.findMany({
    where: { customerId: id },
    orderBy: NEWEST_FIRST,
    take: PROFILE_LIST_LIMIT,
    select: {
      id: true,
      number: true,
      status: true,
      totalCents: true,
      currency: true,
      createdAt: true,
    },
  });
  const bookings = await ctx.tx.booking.findMany({
    where: { organizerId: id },
    orderBy: NEWEST_FIRST,
    take: PROFILE_LIST_LIMIT,
    select: {
      id: true,
      number: true,
      status: true,
      eventDate: true,
      totalCents: true,
      amountPaidCents: true,
      currency: true,
      createdAt: true,
    },
  });
  const preferences = await getCustomerPreferences({ ctx, userId: id });
  const notes = await ctx.tx.customerNote.findMany({
    where: { customerId: id },
    orderBy: NEWEST_FIRST,
    take: PROFILE_LIST_LIMIT,
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { name: true, email: true } },
    },
  });
  const notesCount = await ctx.tx.customerNote.count({ where: { customerId: id } });
  return { ...customer, orders, bookings, preferences, notes, notesCount };
}
