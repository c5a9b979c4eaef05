import { z } from 'zod';
import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { pageArgs, pageOf } from '../page';
import { page, pageSize } from '../validation';
import { EXPORT_TOPIC_PREFIX, isExportTopic } from './deliver-outbox';

export const OUTBOX_KINDS = ['outbox', 'export', 'all'] as const;

export const listOutboxInput = z.object({
  status: z.enum(['pending', 'delivered', 'dead']).optional(),
  // Spec 002 DLQ queue: `kind=outbox|export|all`; export deliveries are the `export.*` topics.
  kind: z.enum(OUTBOX_KINDS).optional(),
  page: page(),
  pageSize: pageSize(25),
});
export type ListOutboxInput = z.infer<typeof listOutboxInput>;

function kindWhere(kind: ListOutboxInput['kind']): Prisma.OutboxEventWhereInput {
  const exportTopics = { topic: { startsWith: EXPORT_TOPIC_PREFIX } };
  if (kind === 'export') return exportTopics;
  if (kind === 'outbox') return { NOT: exportTopics };
  return {};
}

export async function listOutbox({ ctx, input }: { ctx: TenantContext; input: ListOutboxInput }) {
  const where = { ...(input.status ? { status: input.status } : {}), ...kindWhere(input.kind) };
  // Sequential: queries in one interactive transaction share a single connection.
  const total = await ctx.tx.outboxEvent.count({ where });
  const rows = await ctx.tx.outboxEvent.findMany({
    where,
    orderBy: { createdAt: 'desc' },
    ...pageArgs(input),
  });
  const exportIds = rows.filter((row) => isExportTopic(row.topic)).map((row) => row.id);
  const exports =
    exportIds.length === 0
      ? []
      : await ctx.tx.exportEvent.findMany({
          where: { outboxEventId: { in: exportIds } },
          select: { id: true, outboxEventId: true, fileName: true, status: true },
        });
  const exportOf = new Map(exports.map(({ outboxEventId, ...rest }) => [outboxEventId, rest]));
  const items = rows.map((row) => ({
    ...row,
    kind: isExportTopic(row.topic) ? ('export' as const) : ('outbox' as const),
    export: exportOf.get(row.id) ?? null,
  }));
  return pageOf(input, total, items);
}
