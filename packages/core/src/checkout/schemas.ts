import { z } from 'zod';
import { dateTime, int, page, pageSize, text, uuidId } from '../validation';

// Option, add-on, plan and custom field ids as the storefront sent them; unknown ones are
// refused by the price calculation, in words.
const selectionId = () => text({ max: 100, trim: false });

export const priceSelectionInput = z.object({
  options: z.record(selectionId(), z.array(selectionId()).max(50)).default({}),
  addOnIds: z.array(selectionId()).max(50).default([]),
  planId: selectionId().nullable().default(null),
  customFields: z.record(selectionId(), text({ max: 2000, trim: false })).default({}),
});

export const startCheckoutInput = z.object({
  productSlug: text({ min: 1, minMessage: 'Choose a product', max: 200, trim: false }),
  quantity: int({
    min: 1,
    max: 100,
    message: 'Quantity must be a whole number',
    minMessage: 'Quantity must be at least 1',
    maxMessage: 'Quantity must be at most 100',
  }).default(1),
  selection: priceSelectionInput,
});
export type StartCheckoutInput = z.infer<typeof startCheckoutInput>;

export const listSessionsInput = z.object({
  status: z.enum(['open', 'abandoned', 'expired', 'completed', 'superseded']).optional(),
  page: page(),
  pageSize: pageSize(25),
});
export type ListSessionsInput = z.infer<typeof listSessionsInput>;

export const sessionIdInput = z.object({ id: uuidId('Unknown checkout session') });

export const regenerateSessionInput = z.object({
  id: uuidId('Unknown checkout session'),
  /** The `updatedAt` the operator saw; a newer row means someone else acted first. */
  expectedUpdatedAt: dateTime('expectedUpdatedAt must be a date', 'expectedUpdatedAt'),
});
export type RegenerateSessionInput = z.infer<typeof regenerateSessionInput>;

export const orchestrationOrderInput = z.object({
  orderId: uuidId('Unknown order'),
  // The event log is paged: an order's history can outgrow one screen.
  eventsPage: page(),
  eventsPageSize: pageSize(20, 100),
});
export type OrchestrationOrderInput = z.infer<typeof orchestrationOrderInput>;

export const postOrchestrationEventInput = z.object({
  orderId: uuidId('Unknown order'),
  // loyalty_step adds a pending step named by the note; loyalty_step_done completes it.
  kind: z.enum(['advance', 'note', 'loyalty_step', 'loyalty_step_done']),
  note: text({ min: 1, max: 500, label: 'Note' }),
});
export type PostOrchestrationEventInput = z.infer<typeof postOrchestrationEventInput>;

export const checkoutStatusInput = z.object({
  sessionId: text({ min: 1, minMessage: 'session_id is required', max: 255, trim: false }),
});

export const resumeInput = z.object({ token: text({ min: 1, max: 200, trim: false }) });

export const preferencesInput = z.object({ orderUpdates: z.boolean() });

/** A customer's own orders, newest first. */
export const myOrdersInput = z.object({ page: page(), pageSize: pageSize(20, 100) });
export type MyOrdersInput = z.infer<typeof myOrdersInput>;

export const listRecoveryRunsInput = z.object({ page: page(), pageSize: pageSize(10, 100) });
export type ListRecoveryRunsInput = z.infer<typeof listRecoveryRunsInput>;
