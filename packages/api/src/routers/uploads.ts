import {
  confirmUpload,
  downloadUrl,
  listBookingFiles,
  listBookingFilesInput,
  listMyUploads,
  listMyUploadsInput,
  requestUpload,
  requestUploadInput,
  uploadIdInput,
} from '@souk/core';
import { createTRPCRouter, requirePermission } from '../trpc';
import {
  bookingFilesOutput,
  downloadUrlOutput,
  requestedUploadOutput,
  uploadOutput,
  uploadsOutput,
} from '../outputs/uploads';

// Which kinds a role may upload is decided in core (requestUpload), per kind.
const uploader = requirePermission('uploads.create');
// A booking's organizer and vendors (marketplace.book; vendors hold it too) and staff with the
// bookings permission; core narrows it to the people on that booking.
const bookingFilesReader = requirePermission(['marketplace.book', 'marketplace.read']);

export const uploadsRouter = createTRPCRouter({
  requestUpload: uploader
    .input(requestUploadInput)
    .output(requestedUploadOutput)
    .mutation(({ ctx, input }) => requestUpload({ ctx: ctx.tenant, input })),
  confirmUpload: uploader
    .input(uploadIdInput)
    .output(uploadOutput)
    .mutation(({ ctx, input }) => confirmUpload({ ctx: ctx.tenant, uploadId: input.uploadId })),
  listMyUploads: uploader
    .input(listMyUploadsInput)
    .output(uploadsOutput)
    .query(({ ctx, input }) => listMyUploads({ ctx: ctx.tenant, input })),
  getDownloadUrl: uploader
    .input(uploadIdInput)
    .output(downloadUrlOutput)
    .query(({ ctx, input }) => downloadUrl({ ctx: ctx.tenant, uploadId: input.uploadId })),
  listBookingFiles: bookingFilesReader
    .input(listBookingFilesInput)
    .output(bookingFilesOutput)
    .query(({ ctx, input }) => listBookingFiles({ ctx: ctx.tenant, input })),
});
