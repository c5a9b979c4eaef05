import {
  billingReasonInput,
  getBillingStatus,
  getUsageReport,
  pauseBilling,
  recordUsage,
  resumeBilling,
  usageReportInput,
} from '@souk/core';
import { createTRPCRouter, requirePermission } from '../trpc';
import { billingStatusOutput, usageReportOutput } from '../outputs/billing';

const read = requirePermission('finance.read');
const manage = requirePermission('finance.manage');

export const billingRouter = createTRPCRouter({
  getBillingStatus: read
    .output(billingStatusOutput)
    .query(({ ctx }) => getBillingStatus({ ctx: ctx.tenant })),
  pauseBilling: manage
    .input(billingReasonInput)
    .output(billingStatusOutput)
    .mutation(({ ctx, input }) => pauseBilling({ ctx: ctx.tenant, input })),
  resumeBilling: manage
    .input(billingReasonInput)
    .output(billingStatusOutput)
    .mutation(({ ctx, input }) => resumeBilling({ ctx: ctx.tenant, input })),
  getUsageReport: read
    .input(usageReportInput)
    .output(usageReportOutput)
    .query(({ ctx, input }) => getUsageReport({ ctx: ctx.tenant, input })),
  recordUsage: manage
    .input(usageReportInput)
    .output(usageReportOutput)
    .mutation(({ ctx, input }) => recordUsage({ ctx: ctx.tenant, input })),
});
