import { z } from 'zod';
import type { TenantContext } from '../context';
import { NEWEST_FIRST, pageArgs, pageOf } from '../page';
import { page, pageSize } from '../validation';

export const EXPORT_STATUSES = ['stored', 'pending', 'delivered', 'failed'] as const;

export const listExportEventsInput = z.object({
  status: z.enum(EXPORT_STATUSES).optional(),
  page: page(),
  pageSize: pageSize(25),
});
export type ListExportEventsInput = z.infer<typeof listExportEventsInput>;

// The file itself is downloaded through /api/export/accounting-events/<id>, never listed.
const exportEventListSelect = {
  id: true,
  mode: true,
  status: true,
  periodStart: true,
  periodEnd: true,
  fileName: true,
  rowCount: true,
  outboxEventId: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** Finance's stored and delivered accounting exports, newest first. */
export async function listExportEvents({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListExportEventsInput;
}) {
  const where = input.status ? { status: input.status } : {};
  // Sequential: queries in one interactive transaction share a single connection.
  const total = await ctx.tx.exportEvent.count({ where });
  const rows = await ctx.tx.exportEvent.findMany({
    where,
    orderBy: NEWEST_FIRST,
    select: exportEventListSelect,
    ...pageArgs(input),
  });
  return pageOf(input, total, rows);
}
