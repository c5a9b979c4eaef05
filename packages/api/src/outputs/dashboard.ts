import { z } from 'zod';
import { BookingStatus } from '@souk/db';

const compared = <T extends z.ZodType>(value: T) => z.object({ current: value, previous: value });
const count = compared(z.number());
const cents = compared(z.number());

const checkoutFigures = z.object({
  sessions: z.number(),
  completed: z.number(),
  conversionBps: z.number().nullable(),
  recovered: z.number(),
});

export const dashboardOutput = z.object({
  range: z.object({
    from: z.string(),
    to: z.string(),
    days: z.number(),
    bucket: z.enum(['day', 'week']),
    previousFrom: z.string(),
    previousTo: z.string(),
  }),
  sales: z.array(
    z.object({
      currency: z.string(),
      grossCents: cents,
      refundedCents: cents,
      netCents: cents,
      orders: count,
      averageOrderCents: compared(z.number().nullable()),
      series: z.array(
        z.object({
          date: z.string(),
          grossCents: z.number(),
          netCents: z.number(),
          orders: z.number(),
        }),
      ),
    }),
  ),
  orders: count,
  checkout: compared(checkoutFigures),
  bookings: z.object({
    byStatus: z.array(
      z.object({ status: z.enum(BookingStatus), current: z.number(), previous: z.number() }),
    ),
    total: count,
  }),
  bookingPayments: z.array(
    z.object({
      currency: z.string(),
      depositCents: cents,
      balanceCents: cents,
      fullCents: cents,
    }),
  ),
  commission: z.array(z.object({ currency: z.string(), commissionCents: cents })),
  payouts: z.array(
    z.object({
      currency: z.string(),
      dueCents: z.number(),
      dueCount: z.number(),
      heldCents: z.number(),
      heldCount: z.number(),
      paidCents: cents,
      paidCount: count,
    }),
  ),
  ops: z.object({
    outboxPending: z.number(),
    outboxDead: z.number(),
    failedPaymentEvents: z.number(),
  }),
});
