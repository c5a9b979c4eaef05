import { withOrg, type Db } from '@souk/db';
import { coreEnv } from '../env';
import { uploadSettingsFromEnv, type UploadSettings } from '../uploads/settings';
import { storageFor } from '../uploads/storage';
import type { PortalClient } from './portal-client';
import { checkPortalFileLink, isUuid } from './portal-link';

// The storage URL the portal link redirects to is only needed for the next request.
const STORAGE_URL_TTL_SECONDS = 60;

export type PortalFileProblem = 'bad_signature' | 'expired' | 'not_found';

export type PortalFileOutcome =
  | { ok: true; url: string; expiresAt: Date }
  | { ok: false; problem: PortalFileProblem; message: string };

/**
 * GET /api/portal/files/{id}: the link must be signed for the client's org and unexpired,
 * AND the signed-in client must organize the booking the file is attached to. Then the
 * answer is a short-lived storage URL (S3 presigned GET, or the app-signed local link),
 * never a permanent one.
 */
export async function portalFileDownload({
  db,
  client,
  uploadId,
  exp,
  sig,
  now = new Date(),
  secret = coreEnv.CLIENT_PORTAL_SECRET,
  settings,
}: {
  db: Db;
  client: PortalClient;
  uploadId: string;
  exp: string | null;
  sig: string | null;
  now?: Date;
  secret?: string;
  settings?: UploadSettings;
}): Promise<PortalFileOutcome> {
  const check = checkPortalFileLink({ orgId: client.orgId, uploadId, exp, sig }, secret, now);
  if (!check.ok) {
    return check.reason === 'expired'
      ? { ok: false, problem: 'expired', message: 'This file link has expired; reload the page' }
      : { ok: false, problem: 'bad_signature', message: 'This file link is not valid' };
  }
  if (!isUuid(uploadId)) return { ok: false, problem: 'not_found', message: 'File not found' };
  const upload = await withOrg(db, client.orgId, async (tx) => {
    const row = await tx.upload.findFirst({
      where: { id: uploadId, status: 'stored', deletedAt: null, bookingId: { not: null } },
    });
    if (!row?.bookingId || !row.sniffedType) return null;
    const booking = await tx.booking.findFirst({
      where: { id: row.bookingId, organizer: { email: client.email } },
      select: { id: true },
    });
    return booking ? { ...row, sniffedType: row.sniffedType } : null;
  });
  if (!upload) return { ok: false, problem: 'not_found', message: 'File not found' };
  const storageSettings = settings ?? uploadSettingsFromEnv();
  const expiresAt = new Date(Math.floor(now.getTime() / 1000 + STORAGE_URL_TTL_SECONDS) * 1000);
  const url = await storageFor(
    storageSettings,
    upload.backend === 's3' ? 's3' : 'local',
  ).presignGet(
    {
      orgId: client.orgId,
      id: upload.id,
      key: upload.key,
      contentType: upload.sniffedType,
      fileName: upload.fileName,
    },
    expiresAt,
  );
  return { ok: true, url, expiresAt };
}
