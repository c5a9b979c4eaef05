import { z } from 'zod';
import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { pageArgs, pageOf, NEWEST_FIRST } from '../page';
import { page, pageSize, text } from '../validation';

export const listAuditLogsInput = z.object({
  action: text({ max: 100, label: 'Action' }).optional(),
  entityType: text({ max: 100, label: 'Entity type' }).optional(),
  actorEmail: text({ max: 320, label: 'Actor email' }).optional(),
  entityId: text({ max: 100, label: 'Entity id' }).optional(),
  page: page(),
  pageSize: pageSize(25),
});
export type ListAuditLogsInput = z.infer<typeof listAuditLogsInput>;

/** What the list, and its CSV export, show of an entry. */
export const auditLogListSelect = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  actorEmail: true,
  requestId: true,
  before: true,
  after: true,
  createdAt: true,
} satisfies Prisma.AuditLogSelect;

/** The list's filters as a query condition; the CSV export filters the same way. */
export function auditLogListWhere(
  input: Omit<ListAuditLogsInput, 'page' | 'pageSize'>,
): Prisma.AuditLogWhereInput {
  return {
    ...(input.action ? { action: { contains: input.action, mode: 'insensitive' } } : {}),
    ...(input.entityType ? { entityType: input.entityType } : {}),
    ...(input.actorEmail
      ? { actorEmail: { contains: input.actorEmail, mode: 'insensitive' } }
      : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
  };
}

export async function listAuditLogs({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListAuditLogsInput;
}) {
  const where = auditLogListWhere(input);
  // Sequential: queries in one interactive transaction share a single connection.
  const items = await ctx.tx.auditLog.findMany({
    where,
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
    select: auditLogListSelect,
  });
  const total = await ctx.tx.auditLog.count({ where });
  return pageOf(input, total, items);
}
