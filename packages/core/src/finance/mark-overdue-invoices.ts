import { Prisma } from '@souk/db';
import type { TenantContext } from '../context';

// Timestamps in the columns Prisma writes are UTC wall-clock (timestamp without time zone).
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/**
 * The overdue sweep: the org's open and partly paid invoices whose due date has passed
 * become overdue, in one UPDATE, each with a system audit row of its own (no actor) so the
 * invoice's timeline says when it went overdue. Invoices without a due date (paid at
 * checkout) are never touched. Returns how many moved.
 */
export async function markOverdueInvoices({ ctx }: { ctx: TenantContext }): Promise<number> {
  const moved = await ctx.tx.$queryRaw<{ count: number }[]>`
    WITH moved AS (
      UPDATE invoices i SET status = 'overdue', "updatedAt" = ${NOW}
      FROM invoices old
      WHERE old.id = i.id AND i."orgId" = ${ctx.orgId}::uuid
        AND i.status IN ('open', 'partial') AND i."dueAt" IS NOT NULL AND i."dueAt" <= ${NOW}
      RETURNING i.id, old.status::text AS old_status, i."dueAt", i."amountPaidCents"
    ), audited AS (
      INSERT INTO audit_logs (id, "orgId", action, "entityType", "entityId", before, after,
                              "requestId", "createdAt")
      SELECT gen_random_uuid(), ${ctx.orgId}::uuid, 'invoice.overdue', 'invoice', m.id::text,
             jsonb_build_object('status', m.old_status),
             jsonb_build_object('status', 'overdue',
                                'dueAt', to_char(m."dueAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                'paidCents', m."amountPaidCents"),
             ${ctx.requestId}, ${NOW}
      FROM moved m
      RETURNING 1
    )
    SELECT COUNT(*)::int AS count FROM audited`;
  return moved[0]?.count ?? 0;
}
