import path from 'node:path';
import type { TenantContext } from '../context';
import { coreEnv } from '../env';

export type UploadBackend = 'local' | 's3';

export interface S3Settings {
  bucket: string;
  region: string;
  endpointUrl?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/** Everything the upload use cases need to know; tests pass their own. */
export interface UploadSettings {
  backend: UploadBackend;
  allowedTypes: readonly string[];
  maxBytes: number;
  urlTtlSeconds: number;
  /** Base of the app-signed local URLs (`/api/uploads/{id}`). */
  publicWebUrl: string;
  /** HMAC key of the local URLs. */
  linkSecret: string;
  /** Local backend: absolute directory holding `uploads/{orgId}/...`. */
  localRoot: string;
  s3: S3Settings | null;
}

/** What a use case about one stored upload takes; tests pass their own settings. */
export interface OneUploadOptions {
  ctx: TenantContext;
  uploadId: string;
  settings?: UploadSettings;
}

/**
 * The local root must not depend on where a process happens to start (`next start`
 * runs in apps/web, the worker in apps/worker): UPLOAD_ROOT, else the absolute
 * SOUK_DATA_DIR that `pnpm start` passes to both, else the working directory.
 */
export function resolveLocalRoot(env: {
  UPLOAD_ROOT?: string | undefined;
  SOUK_DATA_DIR?: string | undefined;
  cwd: string;
}): string {
  if (env.UPLOAD_ROOT) return path.resolve(env.cwd, env.UPLOAD_ROOT);
  if (env.SOUK_DATA_DIR && path.isAbsolute(env.SOUK_DATA_DIR)) {
    return path.join(env.SOUK_DATA_DIR, 'uploads');
  }
  return path.resolve(env.cwd, '.data/uploads');
}

let fromEnv: UploadSettings | undefined;

export function uploadSettingsFromEnv(): UploadSettings {
  if (fromEnv) return fromEnv;
  const backend: UploadBackend = coreEnv.UPLOAD_BACKEND ?? (coreEnv.S3_BUCKET ? 's3' : 'local');
  if (backend === 's3' && !coreEnv.S3_BUCKET) {
    throw new Error('UPLOAD_BACKEND=s3 needs S3_BUCKET (and S3 credentials or an instance role)');
  }
  fromEnv = {
    backend,
    allowedTypes: coreEnv.UPLOAD_ALLOWED_MIME,
    maxBytes: coreEnv.UPLOAD_MAX_BYTES,
    urlTtlSeconds: coreEnv.UPLOAD_URL_TTL_SECONDS,
    publicWebUrl: coreEnv.PUBLIC_WEB_URL.replace(/\/+$/, ''),
    linkSecret: coreEnv.SOUK_LINK_SECRET,
    localRoot: resolveLocalRoot({
      UPLOAD_ROOT: coreEnv.UPLOAD_ROOT,
      SOUK_DATA_DIR: coreEnv.SOUK_DATA_DIR,
      cwd: process.cwd(),
    }),
    s3: coreEnv.S3_BUCKET
      ? {
          bucket: coreEnv.S3_BUCKET,
          region: coreEnv.S3_REGION,
          endpointUrl: coreEnv.S3_ENDPOINT_URL,
          accessKeyId: coreEnv.S3_ACCESS_KEY_ID,
          secretAccessKey: coreEnv.S3_SECRET_ACCESS_KEY,
          forcePathStyle: coreEnv.S3_FORCE_PATH_STYLE,
        }
      : null,
  };
  return fromEnv;
}
