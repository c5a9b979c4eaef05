import type { TenantContext } from '../context';
import { bookingFileAccess } from './booking-file-access';
import { presignDownload } from './download-url';
import type { BookingFileView, ListBookingFilesInput } from './schemas';
import { uploadSettingsFromEnv, type UploadSettings } from './settings';

// A booking's photo album is small; past this the oldest are left off.
const SHOWN = 200;

/**
 * The stored files of one booking, oldest first, each with a short-lived download link,
 * for its organizer, its vendors (unless they declined) and staff. Anyone else: not found.
 */
export async function listBookingFiles({
  ctx,
  input,
  settings = uploadSettingsFromEnv(),
  now = new Date(),
}: {
  ctx: TenantContext;
  input: ListBookingFilesInput;
  settings?: UploadSettings;
  now?: Date;
}): Promise<BookingFileView[]> {
  await bookingFileAccess(ctx, input.bookingId, { staffMayRead: true });
  const rows = await ctx.tx.upload.findMany({
    where: { bookingId: input.bookingId, status: 'stored', deletedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: SHOWN,
    include: { vendor: { select: { displayName: true } } },
  });
  const files: BookingFileView[] = [];
  for (const row of rows.reverse()) {
    if (!row.sniffedType) continue;
    const { url, expiresAt } = await presignDownload(
      { ...row, sniffedType: row.sniffedType },
      settings,
      now,
    );
    files.push({
      id: row.id,
      fileName: row.fileName,
      contentType: row.sniffedType,
      sizeBytes: row.sizeBytes,
      createdAt: row.createdAt,
      storedAt: row.storedAt,
      vendorName: row.vendor?.displayName ?? null,
      isMine: row.ownerId === ctx.actor?.userId,
      url,
      urlExpiresAt: expiresAt,
    });
  }
  return files;
}
