import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { pageArgs, pageOf } from '../page';
import type { ListProcessorEventsInput } from './schemas';

/** What the list, and its CSV export, show of an event: never the payload. */
export const processorEventListSelect = {
  id: true,
  eventId: true,
  type: true,
  status: true,
  error: true,
  attempts: true,
  invoiceId: true,
  bookingId: true,
  waitingFor: true,
  nextAttemptAt: true,
  eventCreatedAt: true,
  receivedAt: true,
  processedAt: true,
} satisfies Prisma.ProcessorEventSelect;

/** The list's filters as a query condition; the CSV export filters the same way. */
export function processorEventListWhere(
  input: Omit<ListProcessorEventsInput, 'page' | 'pageSize'>,
): Prisma.ProcessorEventWhereInput {
  return {
    ...(input.status ? { status: input.status } : {}),
    ...(input.type ? { type: input.type } : {}),
    ...(input.invoiceId ? { invoiceId: input.invoiceId } : {}),
    ...(input.bookingId ? { bookingId: input.bookingId } : {}),
  };
}

/**
 * The org's ledger (spec 002 "Stripe events view"): metadata only, the raw payload
 * never leaves it. Each row says why it waits or failed and how long it took from
 * receipt to applied.
 */
export async function listProcessorEvents({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListProcessorEventsInput;
}) {
  const where = processorEventListWhere(input);
  // Sequential: queries in one interactive transaction share a single connection.
  const total = await ctx.tx.processorEvent.count({ where });
  const rows = await ctx.tx.processorEvent.findMany({
    where,
    select: processorEventListSelect,
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    ...pageArgs(input),
  });
  return pageOf(
    input,
    total,
    rows.map((row) => ({
      ...row,
      lagMs: row.processedAt ? row.processedAt.getTime() - row.receivedAt.getTime() : null,
    })),
  );
}
