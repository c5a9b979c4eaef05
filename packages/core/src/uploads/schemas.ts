import { z } from 'zod';
import type { Upload, UploadStatus } from '@souk/db';
import { INT4_MAX, int, text, uuidId } from '../validation';

export const UPLOAD_KINDS = [
  'venue_blueprint',
  'venue_photo',
  'service_portfolio',
  'template_media',
  'booking_photo',
] as const;
export const uploadKind = z.enum(UPLOAD_KINDS, {
  error: `Kind must be one of ${UPLOAD_KINDS.join(', ')}`,
});
export type UploadKindName = z.infer<typeof uploadKind>;

/** Kinds a vendor uploads for their own profile; template media is the org's. */
export const VENDOR_KINDS: readonly UploadKindName[] = [
  'venue_blueprint',
  'venue_photo',
  'service_portfolio',
];

export const requestUploadInput = z.object({
  kind: uploadKind,
  // Required for booking_photo (the booking the file is attached to), refused for other kinds.
  bookingId: uuidId('Unknown booking').optional(),
  fileName: text({
    min: 1,
    minMessage: 'Give the file a name',
    max: 255,
    maxMessage: 'File names are at most 255 characters',
  }),
  // The allowlist is configuration, checked in requestUpload; this is only the shape.
  contentType: text({ max: 255, lowercase: true, label: 'Content type' }).regex(
    /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/,
    'Give a content type such as image/png',
  ),
  // The configured limit (UPLOAD_MAX_BYTES) is checked in requestUpload, naming the field.
  sizeBytes: int({
    min: 1,
    max: INT4_MAX,
    message: 'Size is a whole number of bytes',
    minMessage: 'The file is empty',
    maxMessage: 'The file is too large',
  }),
});
export type RequestUploadInput = z.infer<typeof requestUploadInput>;

export const uploadIdInput = z.object({ uploadId: uuidId('Unknown upload') });

export const listBookingFilesInput = z.object({ bookingId: uuidId('Unknown booking') });
export type ListBookingFilesInput = z.infer<typeof listBookingFilesInput>;

export const listMyUploadsInput = z.object({ kind: uploadKind.optional() }).default({});
export type ListMyUploadsInput = z.infer<typeof listMyUploadsInput>;

export interface UploadView {
  id: string;
  kind: UploadKindName;
  status: UploadStatus;
  fileName: string;
  /** The sniffed type once stored; the declared one before. */
  contentType: string;
  sizeBytes: number | null;
  rejectReason: string | null;
  vendorId: string | null;
  createdAt: Date;
  storedAt: Date | null;
}

export function toUploadView(row: Upload): UploadView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    fileName: row.fileName,
    contentType: row.sniffedType ?? row.declaredType,
    sizeBytes: row.sizeBytes,
    rejectReason: row.rejectReason,
    vendorId: row.vendorId,
    createdAt: row.createdAt,
    storedAt: row.storedAt,
  };
}

/** A stored file of a booking, as its organizer, its vendors and staff see it. */
export interface BookingFileView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number | null;
  createdAt: Date;
  storedAt: Date | null;
  /** Who attached it: the vendor's display name, or null for the organizer (or staff). */
  vendorName: string | null;
  isMine: boolean;
  /** Short-lived (UPLOAD_URL_TTL_SECONDS): a presigned S3 GET or the app-signed local link. */
  url: string;
  urlExpiresAt: Date;
}
