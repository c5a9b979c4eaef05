import {
  financeReportInput,
  getInvoice,
  getProfitAndLoss,
  getTaxReport,
  invoiceIdInput,
  listInvoiceMismatches,
  listInvoiceMismatchesInput,
  listInvoiceQueue,
  listInvoiceQueueInput,
  listInvoices,
  listInvoicesInput,
  recalculateInvoiceTotals,
  reconcileInvoice,
} from '@souk/core';
import {
  accountingMonth,
  exportAccountingMonth,
  previousAccountingMonth,
  exportMonthInput,
  listExportEvents,
  listExportEventsInput,
} from '@souk/core';
import { createTRPCRouter, requirePermission, requirePermissionScoped } from '../trpc';
import { exportEventPageOutput, exportMonthOutput } from '../outputs/finance-exports';
import {
  invoiceDetailOutput,
  invoiceMismatchPageOutput,
  invoicePageOutput,
  invoiceQueuePageOutput,
  invoiceReconciledOutput,
  invoiceTotalsRecalculatedOutput,
  profitAndLossOutput,
  taxReportOutput,
} from '../outputs/finance';

const read = requirePermission('finance.read');
const manage = requirePermission('finance.manage');

export const financeRouter = createTRPCRouter({
  // invoices (spec 002)
  listInvoices: read
    .input(listInvoicesInput)
    .output(invoicePageOutput)
    .query(({ ctx, input }) => listInvoices({ ctx: ctx.tenant, input })),
  getInvoice: read
    .input(invoiceIdInput)
    .output(invoiceDetailOutput)
    .query(({ ctx, input }) => getInvoice({ ctx: ctx.tenant, input })),
  listInvoiceMismatches: read
    .input(listInvoiceMismatchesInput)
    .output(invoiceMismatchPageOutput)
    .query(({ ctx, input }) => listInvoiceMismatches({ ctx: ctx.tenant, input })),
  listInvoiceQueue: read
    .input(listInvoiceQueueInput)
    .output(invoiceQueuePageOutput)
    .query(({ ctx, input }) => listInvoiceQueue({ ctx: ctx.tenant, input })),
  reconcileInvoice: manage
    .input(invoiceIdInput)
    .output(invoiceReconciledOutput)
    .mutation(({ ctx, input }) => reconcileInvoice({ ctx: ctx.tenant, input })),
  recalculateInvoiceTotals: manage
    .input(invoiceIdInput)
    .output(invoiceTotalsRecalculatedOutput)
    .mutation(({ ctx, input }) => recalculateInvoiceTotals({ ctx: ctx.tenant, input })),
  // reports from the invoices' snapshots (spec 002)
  getTaxReport: read
    .input(financeReportInput)
    .output(taxReportOutput)
    .query(({ ctx, input }) => getTaxReport({ ctx: ctx.tenant, input })),
  getProfitAndLoss: read
    .input(financeReportInput)
    .output(profitAndLossOutput)
    .query(({ ctx, input }) => getProfitAndLoss({ ctx: ctx.tenant, input })),
  // accounting exports (spec 002 "Accounting export v1")
  listExportEvents: read
    .input(listExportEventsInput)
    .output(exportEventPageOutput)
    .query(({ ctx, input }) => listExportEvents({ ctx: ctx.tenant, input })),
  // Scoped: the file is read in page transactions before the one that records it.
  exportMonth: requirePermissionScoped('finance.manage')
    .input(exportMonthInput)
    .output(exportMonthOutput)
    .mutation(async ({ ctx, input }) => {
      const { exportEvent, created } = await exportAccountingMonth({
        scope: ctx.scope,
        month: input.month ? accountingMonth(input.month) : previousAccountingMonth(new Date()),
      });
      const { content: _content, orgId: _orgId, ...listed } = exportEvent;
      return { exportEvent: listed, created };
    }),
});
