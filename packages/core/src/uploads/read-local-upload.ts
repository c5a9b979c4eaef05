import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { withOrg, type Db } from '@souk/db';
import { uploadSettingsFromEnv, type UploadSettings } from './settings';
import { contentDisposition } from './object-key';
import { localPathOf } from './storage';
import { checkUploadLink, failure, type UploadFailure, type UploadLinkParams } from './upload-link';

/**
 * The local backend's GET /api/uploads/{id}: a signed, expiring link to a stored
 * file, served as the type sniffed from its bytes and never re-sniffed by the browser.
 */
export async function readLocalUpload({
  db,
  settings = uploadSettingsFromEnv(),
  ...params
}: UploadLinkParams & { db: Db; settings?: UploadSettings }): Promise<
  { ok: true; body: ReadableStream<Uint8Array>; headers: Record<string, string> } | UploadFailure
> {
  const checked = checkUploadLink(params, 'get', settings);
  if (!checked.ok) return checked;
  const { orgId, uploadId, expires } = checked.link;
  const upload = await withOrg(db, orgId, (tx) =>
    tx.upload.findUnique({ where: { id: uploadId } }),
  );
  if (!upload || upload.backend !== 'local' || upload.status !== 'stored' || !upload.sniffedType) {
    return failure('not_found', 'Upload not found');
  }
  let handle;
  try {
    handle = await open(localPathOf(settings.localRoot, upload.key), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return failure('not_found', 'The file is no longer stored');
    }
    throw error;
  }
  const { size } = await handle.stat();
  const maxAge = Math.max(0, expires - Math.floor(Date.now() / 1000));
  return {
    ok: true,
    body: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>,
    headers: {
      'Content-Type': upload.sniffedType,
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition(upload.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': `private, max-age=${maxAge}`,
    },
  };
}
