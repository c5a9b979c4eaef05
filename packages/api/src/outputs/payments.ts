import { z } from 'zod';
import { ExportStatus, OutboxChannel, OutboxStatus, ProcessorEventStatus } from '@souk/db';
import { pageSchema } from './shared';

/** A ledger row: metadata only, the raw payload never leaves the server. */
export const processorEventOutput = z.object({
  id: z.string(),
  eventId: z.string(),
  type: z.string(),
  status: z.enum(ProcessorEventStatus),
  error: z.string().nullable(),
  attempts: z.number(),
  invoiceId: z.string().nullable(),
  bookingId: z.string().nullable(),
  waitingFor: z.string().nullable(),
  nextAttemptAt: z.date(),
  eventCreatedAt: z.date(),
  receivedAt: z.date(),
  processedAt: z.date().nullable(),
  lagMs: z.number().nullable(),
});

export const processorEventPageOutput = pageSchema(processorEventOutput);

export const replayOutcomeOutput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('processed'), eventId: z.string() }),
  z.object({ status: z.enum(['waiting', 'failed']), eventId: z.string(), error: z.string() }),
]);

export const eventsSummaryOutput = z.object({
  byStatus: z.record(z.enum(ProcessorEventStatus), z.number()),
  platformUnrouted: z.number(),
  lag: z.object({
    samples: z.number(),
    p50Ms: z.number().nullable(),
    p99Ms: z.number().nullable(),
  }),
});

export const replayFailedOutput = z.object({ requeued: z.number() });

/** Where the org's processor keys come from; only the org's own keys have details to show. */
export const credentialsStatusOutput = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('org'),
    mode: z.enum(['live', 'test']),
    secretKeyLast4: z.string(),
    hasWebhookSecret: z.boolean(),
    updatedAt: z.date(),
  }),
  z.object({ source: z.enum(['platform', 'sandbox']) }),
]);

export const outboxMessageOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  dedupeKey: z.string(),
  channel: z.enum(OutboxChannel),
  topic: z.string(),
  recipient: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(OutboxStatus),
  attempts: z.number(),
  nextAttemptAt: z.date(),
  lastError: z.string().nullable(),
  deliveredAt: z.date().nullable(),
  deliveredVia: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A row of the outbox list (the DLQ): export deliveries are kind `export`, with their file. */
export const outboxListItemOutput = outboxMessageOutput.extend({
  kind: z.enum(['outbox', 'export']),
  export: z
    .object({ id: z.string(), fileName: z.string(), status: z.enum(ExportStatus) })
    .nullable(),
});

export const outboxMessagePageOutput = pageSchema(outboxListItemOutput);
