import type { TenantContext } from '../context';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

// JSON round-trip turns Dates into ISO strings so snapshots read the same as API output.
function snapshot(value: unknown): object | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as object;
}

/** Written inside the caller's transaction: the audit row commits with the change or not at all. */
export async function recordAudit(ctx: TenantContext, entry: AuditEntry): Promise<void> {
  await ctx.tx.auditLog.create({
    data: {
      orgId: ctx.orgId,
      actorId: ctx.actor?.userId ?? null,
      actorEmail: ctx.actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      requestId: ctx.requestId,
      ip: ctx.ip ?? null,
    },
  });
}
