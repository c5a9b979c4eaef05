import { listAuditLogs, listAuditLogsInput } from '@souk/core';
import { createTRPCRouter, requirePermission } from '../trpc';
import { auditPageOutput } from '../outputs/audit';

export const auditRouter = createTRPCRouter({
  listEntries: requirePermission('audit.read')
    .input(listAuditLogsInput)
    .output(auditPageOutput)
    .query(({ ctx, input }) => listAuditLogs({ ctx: ctx.tenant, input })),
});
