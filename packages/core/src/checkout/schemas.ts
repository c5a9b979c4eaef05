import { z } from 'zod';

export const priceSelectionInput = z.object({
  options: z.record(z.string(), z.array(z.string()).max(50)).default({}),
  addOnIds: z.array(z.string()).max(50).default([]),
  planId: z.string().nullable().default(null),
  customFields: z.record(z.string(), z.string().max(2000)).default({}),
});

export const startCheckoutInput = z.object({
  productSlug: z.string().min(1, 'Choose a product').max(200),
  quantity: z
    .number({ message: 'Quantity must be a whole number' })
    .int('Quantity must be a whole number')
    .min(1, 'Quantity must be at least 1')
    .max(100, 'Quantity must be at most 100')
    .default(1),
  selection: priceSelectionInput,
});
export type StartCheckoutInput = z.infer<typeof startCheckoutInput>;

export const listSessionsInput = z.object({
  status: z.enum(['open', 'abandoned', 'expired', 'completed', 'superseded']).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type ListSessionsInput = z.infer<typeof listSessionsInput>;

export const sessionIdInput = z.object({ id: z.uuid('Unknown checkout session') });

export const regenerateSessionInput = z.object({
  id: z.uuid('Unknown checkout session'),
  /** The `updatedAt` the operator saw; a newer row means someone else acted first. */
  expectedUpdatedAt: z.coerce.date({ message: 'expectedUpdatedAt must be a date' }),
});
export type RegenerateSessionInput = z.infer<typeof regenerateSessionInput>;

export const orchestrationOrderInput = z.object({ orderId: z.uuid('Unknown order') });

export const postOrchestrationEventInput = z.object({
  orderId: z.uuid('Unknown order'),
  // loyalty_step adds a pending step named by the note; loyalty_step_done completes it.
  kind: z.enum(['advance', 'note', 'loyalty_step', 'loyalty_step_done']),
  note: z.string().trim().min(1, 'Note is required').max(500, 'Note is at most 500 characters'),
});
export type PostOrchestrationEventInput = z.infer<typeof postOrchestrationEventInput>;

export const checkoutStatusInput = z.object({
  sessionId: z.string().min(1, 'session_id is required').max(255),
});

export const resumeInput = z.object({ token: z.string().min(1).max(200) });

export const preferencesInput = z.object({ orderUpdates: z.boolean() });
