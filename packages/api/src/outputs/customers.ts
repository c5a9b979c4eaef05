import { z } from 'zod';
import { BookingStatus, OrderStatus, Role } from '@souk/db';
import { pageSchema } from './shared';

const customerSummaryOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(Role).nullable(),
  memberSince: z.date(),
  ordersCount: z.number(),
  bookingsCount: z.number(),
  lifetimeValueCents: z.number(),
  currency: z.string(),
  lastOrderAt: z.date().nullable(),
});

export const customerPageOutput = pageSchema(customerSummaryOutput);

export const customerNoteOutput = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.date(),
  author: z.object({ name: z.string().nullable(), email: z.string() }).nullable(),
});

/** The admin's profile of one customer. */
export const customerOutput = customerSummaryOutput.extend({
  orders: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      status: z.enum(OrderStatus),
      totalCents: z.number(),
      currency: z.string(),
      createdAt: z.date(),
    }),
  ),
  bookings: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      status: z.enum(BookingStatus),
      eventDate: z.date().nullable(),
      totalCents: z.number(),
      amountPaidCents: z.number(),
      currency: z.string(),
      createdAt: z.date(),
    }),
  ),
  preferences: z.object({ orderUpdates: z.boolean() }),
  notes: z.array(customerNoteOutput),
  notesCount: z.number(),
});
