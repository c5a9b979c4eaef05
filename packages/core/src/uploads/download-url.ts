import type { Upload } from '@souk/db';
import { AppError } from '../errors';
import { uploadSettingsFromEnv, type OneUploadOptions, type UploadSettings } from './settings';
import { storageFor } from './storage';

/**
 * A short-lived GET link to a stored file, from its own backend: S3 presigned, or the
 * app-signed local link. Never a permanent storage URL.
 */
export async function presignDownload(
  upload: Upload & { sniffedType: string },
  settings: UploadSettings,
  now = new Date(),
): Promise<{ url: string; expiresAt: Date }> {
  const backend = upload.backend === 's3' ? 's3' : 'local';
  const expiresAt = new Date(Math.floor(now.getTime() / 1000 + settings.urlTtlSeconds) * 1000);
  const url = await storageFor(settings, backend).presignGet(
    {
      orgId: upload.orgId,
      id: upload.id,
      key: upload.key,
      contentType: upload.sniffedType,
      fileName: upload.fileName,
    },
    expiresAt,
  );
  return { url, expiresAt };
}

/**
 * A short-lived link to a stored file, for its owner or an owner/admin of the org.
 * Anyone else is told it does not exist, which is all they may learn.
 */
export async function downloadUrl({
  ctx,
  uploadId,
  settings = uploadSettingsFromEnv(),
}: OneUploadOptions): Promise<{ url: string; expiresAt: Date }> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHORIZED', 'Sign in to download files');
  const upload = await ctx.tx.upload.findUnique({ where: { id: uploadId } });
  const isStaff = actor.role === 'OWNER' || actor.role === 'ADMIN';
  if (!upload || (upload.ownerId !== actor.userId && !isStaff)) throw AppError.notFound('Upload');
  if (upload.status !== 'stored' || !upload.sniffedType) {
    throw new AppError(
      'CONFLICT',
      `This upload is ${upload.status}, so there is nothing to download`,
    );
  }
  return presignDownload({ ...upload, sniffedType: upload.sniffedType }, settings);
}
