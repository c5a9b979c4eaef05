import { listAuditLogs, listAuditLogsInput } from '@souk/core';
import { createTRPCRouter, requirePermission } from '../trpc';

export const auditRouter = createTRPCRouter({
  list: requirePermission('audit.read')
    .input(listAuditLogsInput)
    .query(({ ctx, input }) => listAuditLogs({ ctx: ctx.tenant, input })),
});
