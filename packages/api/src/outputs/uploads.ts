import { z } from 'zod';
import { UploadKind, UploadStatus } from '@souk/db';

/** Where and how the browser sends the file: a presigned PUT with the headers it must carry. */
export const requestedUploadOutput = z.object({
  uploadId: z.string(),
  method: z.literal('PUT'),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.date(),
  key: z.string(),
});

export const uploadOutput = z.object({
  id: z.string(),
  kind: z.enum(UploadKind),
  status: z.enum(UploadStatus),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().nullable(),
  rejectReason: z.string().nullable(),
  vendorId: z.string().nullable(),
  createdAt: z.date(),
  storedAt: z.date().nullable(),
});

export const uploadsOutput = z.array(uploadOutput);

export const downloadUrlOutput = z.object({ url: z.string(), expiresAt: z.date() });

/** A booking's stored files, each behind a short-lived download link. */
export const bookingFilesOutput = z.array(
  z.object({
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().nullable(),
    createdAt: z.date(),
    storedAt: z.date().nullable(),
    vendorName: z.string().nullable(),
    isMine: z.boolean(),
    url: z.string(),
    urlExpiresAt: z.date(),
  }),
);
