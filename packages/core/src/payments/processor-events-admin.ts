import { z } from 'zod';
import type { Db } from '@souk/db';
import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { processStoredEvent } from './ingest-processor-event';
import { pageArgs } from '../page';

export const listProcessorEventsInput = z.object({
  status: z.enum(['received', 'processed', 'failed']).optional(),
  type: z.string().max(100).optional(),
  invoiceId: z.uuid().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type ListProcessorEventsInput = z.infer<typeof listProcessorEventsInput>;

/** Metadata only: the raw payload never leaves the ledger (spec 002). */
export async function listProcessorEvents({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListProcessorEventsInput;
}) {
  const where = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.type ? { type: input.type } : {}),
    ...(input.invoiceId ? { invoiceId: input.invoiceId } : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.tx.processorEvent.count({ where }),
    ctx.tx.processorEvent.findMany({
      where,
      select: {
        id: true,
        eventId: true,
        type: true,
        status: true,
        error: true,
        attempts: true,
        invoiceId: true,
        eventCreatedAt: true,
        receivedAt: true,
        processedAt: true,
      },
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      ...pageArgs(input),
    }),
  ]);
  return { total, rows };
}

export const replayProcessorEventInput = z.object({ id: z.uuid('Unknown event') });

/**
 * Re-applies a stored event through the webhook's own code path. The audit row is
 * written in the caller's transaction; the replay runs in its own, like a delivery.
 */
export async function replayProcessorEvent({
  ctx,
  db,
  id,
}: {
  ctx: TenantContext;
  db: Db;
  id: string;
}) {
  const event = await ctx.tx.processorEvent.findUnique({ where: { id } });
  if (!event) throw AppError.notFound('Processor event');
  const outcome = await processStoredEvent({
    db,
    orgId: ctx.orgId,
    eventId: event.eventId,
    force: true,
  });
  await recordAudit(ctx, {
    action: 'processor_event.replay',
    entityType: 'processor_event',
    entityId: id,
    before: { status: event.status, error: event.error },
    after: outcome,
  });
  return outcome;
}
