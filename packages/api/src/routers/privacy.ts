import {
  exportPersonalData,
  exportPersonalDataInput,
  listDataRequests,
  listDataRequestsInput,
  requestDeletion,
  requestDeletionInput,
  runRetentionCleanup,
} from '@souk/core';
import { createTRPCRouter, requirePermission, requirePermissionScoped } from '../trpc';
import {
  dataRequestPageOutput,
  exportPersonalDataOutput,
  requestDeletionOutput,
  retentionCleanupOutput,
} from '../outputs/privacy';

const manage = requirePermission('privacy.manage');

// Spec 002 "Data export/delete playbook": OWNER and ADMIN only, every call audited.
export const privacyRouter = createTRPCRouter({
  // A mutation: each export is recorded as a data request and audited.
  exportPersonalData: manage
    .input(exportPersonalDataInput)
    .output(exportPersonalDataOutput)
    .mutation(({ ctx, input }) => exportPersonalData({ ctx: ctx.tenant, input })),
  requestDeletion: manage
    .input(requestDeletionInput)
    .output(requestDeletionOutput)
    .mutation(({ ctx, input }) => requestDeletion({ ctx: ctx.tenant, input })),
  listDataRequests: manage
    .input(listDataRequestsInput)
    .output(dataRequestPageOutput)
    .query(({ ctx, input }) => listDataRequests({ ctx: ctx.tenant, input })),
  // Deletes files from storage between short transactions, so it gets the org scope.
  runRetentionCleanup: requirePermissionScoped('privacy.manage')
    .output(retentionCleanupOutput)
    .mutation(({ ctx }) => runRetentionCleanup({ scope: ctx.scope })),
});
