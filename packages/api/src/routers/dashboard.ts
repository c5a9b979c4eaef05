import { getDashboard, getDashboardInput } from '@souk/core';
import { createTRPCRouter, requirePermission } from '../trpc';
import { dashboardOutput } from '../outputs/dashboard';

export const dashboardRouter = createTRPCRouter({
  // Viewers and up: the dashboard shows what the order list already lets them read.
  getDashboard: requirePermission('orders.read')
    .input(getDashboardInput)
    .output(dashboardOutput)
    .query(({ ctx, input }) => getDashboard({ ctx: ctx.tenant, input })),
});
