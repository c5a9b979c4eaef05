import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { withOrg, type Db } from '@souk/db';
import { inspectUploadedBytes, SNIFF_BYTES, type Inspection } from './inspect-bytes';
import { toUploadView, type UploadView } from './schemas';
import { uploadSettingsFromEnv, type UploadSettings } from './settings';
import { byteLimitOf, lockUpload, settleUpload } from './settle-upload';
import { localPathOf } from './storage';
import { checkUploadLink, failure, type UploadFailure, type UploadLinkParams } from './upload-link';

export type UploadBody = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

async function* chunksOf(body: UploadBody): AsyncGenerator<Uint8Array> {
  if (!('getReader' in body)) {
    yield* body;
    return;
  }
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stopping early (too many bytes) must stop the client's stream too.
    await reader.cancel().catch(() => undefined);
  }
}

interface Received {
  sizeBytes: number;
  head: Uint8Array;
  cutOff: boolean;
}

/** Streams to `file`, keeping the first bytes for sniffing; stops one byte past `limit`. */
async function streamToFile(
  body: UploadBody | null,
  file: string,
  limit: number,
): Promise<Received> {
  const handle = await open(file, 'wx', 0o600);
  const head = Buffer.alloc(SNIFF_BYTES);
  let headLength = 0;
  let sizeBytes = 0;
  try {
    if (body) {
      for await (const chunk of chunksOf(body)) {
        const room = limit + 1 - sizeBytes;
        const part = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
        if (headLength < SNIFF_BYTES) {
          const take = part.subarray(0, SNIFF_BYTES - headLength);
          head.set(take, headLength);
          headLength += take.byteLength;
        }
        await handle.write(part);
        sizeBytes += part.byteLength;
        if (sizeBytes > limit)
          return { sizeBytes, head: head.subarray(0, headLength), cutOff: true };
      }
    }
    return { sizeBytes, head: head.subarray(0, headLength), cutOff: false };
  } finally {
    await handle.close();
  }
}

/**
 * The local backend's PUT /api/uploads/{id}: verify the signed link, stream the
 * body to a temporary file under a hard byte cap, then settle the row in one RLS
 * transaction: sniff the type from the bytes, and either move the file into place
 * (stored) or delete it (rejected). The transaction is not held while bytes flow.
 */
export async function receiveLocalUpload({
  db,
  contentLength,
  body,
  settings = uploadSettingsFromEnv(),
  ...params
}: UploadLinkParams & {
  db: Db;
  body: UploadBody | null;
  /** The Content-Length header, when the client sent one. */
  contentLength?: string | number | null;
  settings?: UploadSettings;
}): Promise<{ ok: true; upload: UploadView } | UploadFailure> {
  const checked = checkUploadLink(params, 'put', settings);
  if (!checked.ok) return checked;
  const { orgId, uploadId } = checked.link;

  const upload = await withOrg(db, orgId, (tx) =>
    tx.upload.findUnique({ where: { id: uploadId } }),
  );
  if (!upload || upload.backend !== 'local') return failure('not_found', 'Upload not found');
  if (upload.status !== 'pending') {
    return failure('conflict', `This upload was already received (${upload.status})`);
  }
  const limit = byteLimitOf(upload, settings.maxBytes);
  const finalPath = localPathOf(settings.localRoot, upload.key);

  const declaredLength = contentLength == null ? NaN : Number(contentLength);
  let received: Received | null = null;
  let partPath: string | null = null;
  if (!(declaredLength > limit)) {
    await mkdir(path.dirname(finalPath), { recursive: true });
    partPath = `${finalPath}.${randomUUID()}.part`;
    try {
      received = await streamToFile(body, partPath, limit);
    } catch (error) {
      await rm(partPath, { force: true });
      throw error;
    }
  }

  const tooLarge: Inspection = {
    ok: false,
    sniffedType: null,
    problem: 'too_large',
    reason: `The file is larger than the ${limit} bytes allowed for this upload`,
  };
  try {
    return await withOrg(db, orgId, async (tx) => {
      const locked = await lockUpload(tx, uploadId);
      if (!locked || locked.status !== 'pending') {
        return failure(
          'conflict',
          `This upload was already received (${locked?.status ?? 'gone'})`,
        );
      }
      const inspection = received
        ? await inspectUploadedBytes({
            head: received.head,
            sizeBytes: received.sizeBytes,
            limitBytes: limit,
            declaredType: locked.declaredType,
            allowedTypes: settings.allowedTypes,
          })
        : tooLarge;
      const sizeBytes = received?.sizeBytes ?? declaredLength;
      if (inspection.ok && partPath) {
        await rename(partPath, finalPath);
        partPath = null;
      }
      const settled = toUploadView(await settleUpload(tx, locked, sizeBytes, inspection));
      return inspection.ok
        ? { ok: true as const, upload: settled }
        : failure(inspection.problem, inspection.reason, settled);
    });
  } finally {
    // Rejected, or lost the race: the bytes never reach the final path.
    if (partPath) await rm(partPath, { force: true });
  }
}
