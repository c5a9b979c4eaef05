import { getTaxRate, updateTaxRate, updateTaxRateInput } from '@souk/core';
import { createTRPCRouter, requirePermission } from '../trpc';
import { taxRateOutput } from '../outputs/org';

const configure = requirePermission('org.configure');

export const orgRouter = createTRPCRouter({
  getTaxRate: configure.output(taxRateOutput).query(({ ctx }) => getTaxRate({ ctx: ctx.tenant })),
  updateTaxRate: configure
    .input(updateTaxRateInput)
    .output(taxRateOutput)
    .mutation(({ ctx, input }) => updateTaxRate({ ctx: ctx.tenant, input })),
});
