import {
  confirmUpload,
  downloadUrl,
  listMyUploads,
  listMyUploadsInput,
  requestUpload,
  requestUploadInput,
  uploadIdInput,
} from '@souk/core';
import { createTRPCRouter, requirePermission } from '../trpc';

// Which kinds a role may upload is decided in core (requestUpload), per kind.
const uploader = requirePermission('uploads.create');

export const uploadsRouter = createTRPCRouter({
  request: uploader
    .input(requestUploadInput)
    .mutation(({ ctx, input }) => requestUpload({ ctx: ctx.tenant, input })),
  confirm: uploader
    .input(uploadIdInput)
    .mutation(({ ctx, input }) => confirmUpload({ ctx: ctx.tenant, uploadId: input.uploadId })),
  listMine: uploader
    .input(listMyUploadsInput)
    .query(({ ctx, input }) => listMyUploads({ ctx: ctx.tenant, input })),
  downloadUrl: uploader
    .input(uploadIdInput)
    .query(({ ctx, input }) => downloadUrl({ ctx: ctx.tenant, uploadId: input.uploadId })),
});
