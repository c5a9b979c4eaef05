import { z } from 'zod';
import { dateOnly, page, pageSize, text, uuidId } from '../validation';

export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'fulfilled',
  'refunded',
  'cancelled',
] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

/** How a refusal names an order's status (the same words as the admin's status badges). */
export const ORDER_STATUS_WORDS: Record<OrderStatusName, string> = {
  pending_payment: 'awaiting payment',
  paid: 'paid',
  fulfilled: 'fulfilled',
  refunded: 'refunded',
  cancelled: 'cancelled',
};

export const listOrdersInput = z.object({
  search: text({ max: 200, label: 'Search' }).optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  from: dateOnly('From must be a date (YYYY-MM-DD)', 'From').optional(),
  to: dateOnly('To must be a date (YYYY-MM-DD)', 'To').optional(),
  productId: uuidId('Unknown product').optional(),
  page: page(),
  pageSize: pageSize(25),
  sort: z.enum(['createdAt', 'totalCents', 'number']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListOrdersInput = z.infer<typeof listOrdersInput>;

export const orderIdInput = z.object({ id: uuidId('Unknown order') });
export type OrderIdInput = z.infer<typeof orderIdInput>;
