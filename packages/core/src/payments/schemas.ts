import { z } from 'zod';
import { page, pageSize, text, uuidId } from '../validation';

export const PROCESSOR_EVENT_STATUSES = [
  'received',
  'waiting',
  'unrouted',
  'processed',
  'failed',
] as const;

export const listProcessorEventsInput = z.object({
  status: z.enum(PROCESSOR_EVENT_STATUSES).optional(),
  type: text({ max: 100, label: 'Type' }).optional(),
  invoiceId: uuidId('Not an invoice id').optional(),
  bookingId: uuidId('Not a booking id').optional(),
  page: page(),
  pageSize: pageSize(25),
});
export type ListProcessorEventsInput = z.infer<typeof listProcessorEventsInput>;

export const replayProcessorEventInput = z.object({ id: uuidId('Unknown event') });
