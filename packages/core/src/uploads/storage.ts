import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { signedUploadUrl } from './signed-url';
import { s3Storage } from './s3-storage';
import type { UploadBackend, UploadSettings } from './settings';

export interface StoredObjectRef {
  orgId: string;
  id: string;
  key: string;
}

export interface PresignedPut {
  url: string;
  /** Headers the PUT must carry (S3 signs them; browsers set Content-Length themselves). */
  headers: Record<string, string>;
}

/** The two places bytes can live behind one small surface. */
export interface UploadStorage {
  backend: UploadBackend;
  presignPut(
    object: StoredObjectRef & { contentType: string; sizeBytes: number },
    expiresAt: Date,
  ): Promise<PresignedPut>;
  presignGet(
    object: StoredObjectRef & { contentType: string; fileName: string },
    expiresAt: Date,
  ): Promise<string>;
  /** The first `bytes` bytes and the total size, or null when nothing is stored under the key. */
  readHead(key: string, bytes: number): Promise<{ head: Uint8Array; sizeBytes: number } | null>;
  remove(key: string): Promise<void>;
}

const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

// ---- local disk, app-signed URLs ----

export function localPathOf(root: string, key: string): string {
  const resolved = path.resolve(root, key);
  // Keys are built by us, but a path must never leave the root whatever the key says.
  if (!resolved.startsWith(path.resolve(root) + path.sep)) {
    throw new Error(`upload key escapes the upload root: ${key}`);
  }
  return resolved;
}

export function localDiskStorage(settings: UploadSettings): UploadStorage {
  const sign = (object: StoredObjectRef, op: 'put' | 'get', expiresAt: Date) =>
    signedUploadUrl(
      settings.publicWebUrl,
      { orgId: object.orgId, uploadId: object.id, op, expires: unixSeconds(expiresAt) },
      settings.linkSecret,
    );
  return {
    backend: 'local',
    presignPut(object, expiresAt) {
      return Promise.resolve({
        url: sign(object, 'put', expiresAt),
        headers: { 'Content-Type': object.contentType },
      });
    },
    presignGet(object, expiresAt) {
      return Promise.resolve(sign(object, 'get', expiresAt));
    },
    async readHead(key, bytes) {
      let handle;
      try {
        handle = await open(localPathOf(settings.localRoot, key), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        const { size } = await handle.stat();
        const head = Buffer.alloc(Math.min(bytes, size));
        await handle.read(head, 0, head.length, 0);
        return { head, sizeBytes: size };
      } finally {
        await handle.close();
      }
    },
    async remove(key) {
      await rm(localPathOf(settings.localRoot, key), { force: true });
    },
  };
}

export function storageFor(settings: UploadSettings, backend = settings.backend): UploadStorage {
  if (backend === 'local') return localDiskStorage(settings);
  if (!settings.s3) throw new Error('This upload is in S3, but S3_BUCKET is not configured');
  return s3Storage(settings.s3);
}
