import {
  auditLogListSelect,
  auditLogListWhere,
  listAuditLogsInput,
} from '../audit/list-audit-logs';
import { NEWEST_FIRST } from '../page';
import { createdBefore } from './keyset';
import { defineListExport } from './list-export';

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

export const auditExport = defineListExport({
  permission: 'audit.read',
  filters: listAuditLogsInput.omit({ page: true, pageSize: true }),
  page: ({ tx, filters, after, take }) =>
    tx.auditLog.findMany({
      where: { AND: [auditLogListWhere(filters), createdBefore(after)] },
      orderBy: NEWEST_FIRST,
      take,
      select: auditLogListSelect,
    }),
  keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  columns: [
    { header: 'When', value: (e) => e.createdAt },
    { header: 'Actor', value: (e) => e.actorEmail ?? 'system' },
    { header: 'Action', value: (e) => e.action },
    { header: 'Entity type', value: (e) => e.entityType },
    { header: 'Entity ID', value: (e) => e.entityId },
    { header: 'Request ID', value: (e) => e.requestId },
    { header: 'Before', value: (e) => json(e.before) },
    { header: 'After', value: (e) => json(e.after) },
    { header: 'Entry ID', value: (e) => e.id },
  ],
});
