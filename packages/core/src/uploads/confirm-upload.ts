import { AppError } from '../errors';
import { inspectUploadedBytes, SNIFF_BYTES } from './inspect-bytes';
import { toUploadView, type UploadView } from './schemas';
import { uploadSettingsFromEnv, type OneUploadOptions } from './settings';
import { byteLimitOf, lockUpload, settleUpload } from './settle-upload';
import { storageFor } from './storage';

/**
 * Step two, after the client PUT the bytes. For S3 the server reads the object's
 * size and first bytes and settles the row (a rejected object is deleted); local
 * uploads are settled when the bytes arrive, so this only reports. Idempotent: a
 * settled upload is returned as it is. A rejection is an answer, not an error, so
 * it is committed even inside a procedure's transaction.
 */
export async function confirmUpload({
  ctx,
  uploadId,
  settings = uploadSettingsFromEnv(),
}: OneUploadOptions): Promise<UploadView> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHORIZED', 'Sign in to upload files');
  const upload = await lockUpload(ctx.tx, uploadId);
  if (!upload || upload.ownerId !== actor.userId) throw AppError.notFound('Upload');
  if (upload.status !== 'pending' || upload.backend === 'local') return toUploadView(upload);

  const storage = storageFor(settings, 's3');
  const found = await storage.readHead(upload.key, SNIFF_BYTES);
  if (!found) {
    throw new AppError(
      'CONFLICT',
      upload.expiresAt.getTime() < Date.now()
        ? 'The upload link expired before the file arrived: start the upload again'
        : 'The file has not arrived yet: PUT it to the upload URL, then confirm',
    );
  }
  const inspection = await inspectUploadedBytes({
    head: found.head,
    sizeBytes: found.sizeBytes,
    limitBytes: byteLimitOf(upload, settings.maxBytes),
    declaredType: upload.declaredType,
    allowedTypes: settings.allowedTypes,
  });
  const settled = await settleUpload(ctx.tx, upload, found.sizeBytes, inspection);
  if (!inspection.ok) await storage.remove(upload.key);
  return toUploadView(settled);
}
