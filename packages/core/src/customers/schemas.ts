import { z } from 'zod';
import { page, pageSize, text, uuidId } from '../validation';

export const CUSTOMER_SORTS = ['name', 'email', 'lastOrderAt', 'lifetimeValueCents'] as const;

export const listCustomersInput = z.object({
  search: text({ max: 200, label: 'Search' }).optional(),
  page: page(),
  pageSize: pageSize(20),
  sort: z.enum(CUSTOMER_SORTS).default('lastOrderAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListCustomersInput = z.infer<typeof listCustomersInput>;

export const customerIdInput = z.object({ id: uuidId('Unknown customer') });

export const NOTE_MAX = 5000;

export const addCustomerNoteInput = z.object({
  customerId: uuidId('Unknown customer'),
  body: text({ min: 1, max: NOTE_MAX, label: 'Note' }),
});
export type AddCustomerNoteInput = z.infer<typeof addCustomerNoteInput>;
