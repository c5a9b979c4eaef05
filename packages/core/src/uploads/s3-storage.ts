import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from './settings';
import { contentDisposition } from './object-key';
import type { UploadStorage } from './storage';

// The SDK is loaded on first use: most processes (and every test) never touch S3,
// and importing it costs about 300 ms.
async function loadSdk() {
  const [s3, presigner] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/s3-request-presigner'),
  ]);
  return { ...s3, getSignedUrl: presigner.getSignedUrl };
}
type Sdk = Awaited<ReturnType<typeof loadSdk>>;
let sdkPromise: Promise<Sdk> | undefined;

const clients = new WeakMap<S3Settings, S3Client>();

async function connect(s3: S3Settings): Promise<{ sdk: Sdk; client: S3Client }> {
  const sdk = await (sdkPromise ??= loadSdk());
  let client = clients.get(s3);
  if (!client) {
    client = new sdk.S3Client({
      region: s3.region,
      ...(s3.endpointUrl ? { endpoint: s3.endpointUrl } : {}),
      forcePathStyle: s3.forcePathStyle,
      ...(s3.accessKeyId && s3.secretAccessKey
        ? { credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } }
        : {}),
      // Otherwise the SDK signs a CRC32 of the (empty) body into presigned PUTs, which
      // S3 then rejects for the real file, and not every S3-compatible store knows.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    clients.set(s3, client);
  }
  return { sdk, client };
}

const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);
const expiresIn = (at: Date) => Math.max(1, unixSeconds(at) - unixSeconds(new Date()));

function isMissing(sdk: Sdk, error: unknown): boolean {
  return (
    error instanceof sdk.S3ServiceException &&
    (error.name === 'NotFound' ||
      error.name === 'NoSuchKey' ||
      error.$metadata.httpStatusCode === 404)
  );
}

/** S3 or any S3-compatible store (R2, MinIO): presigned PUT and GET, reads for checking. */
export function s3Storage(s3: S3Settings): UploadStorage {
  return {
    backend: 's3',
    async presignPut(object, expiresAt) {
      const { sdk, client } = await connect(s3);
      const url = await sdk.getSignedUrl(
        client,
        new sdk.PutObjectCommand({
          Bucket: s3.bucket,
          Key: object.key,
          ContentType: object.contentType,
          ContentLength: object.sizeBytes,
        }),
        // Signed, so the bucket refuses another type or size than the one checked.
        {
          expiresIn: expiresIn(expiresAt),
          signableHeaders: new Set(['content-type', 'content-length']),
        },
      );
      return {
        url,
        headers: {
          'Content-Type': object.contentType,
          'Content-Length': String(object.sizeBytes),
        },
      };
    },
    async presignGet(object, expiresAt) {
      const { sdk, client } = await connect(s3);
      return sdk.getSignedUrl(
        client,
        new sdk.GetObjectCommand({
          Bucket: s3.bucket,
          Key: object.key,
          ResponseContentType: object.contentType,
          ResponseContentDisposition: contentDisposition(object.fileName),
          ResponseCacheControl: 'private',
        }),
        { expiresIn: expiresIn(expiresAt) },
      );
    },
    async readHead(key, bytes) {
      const { sdk, client } = await connect(s3);
      let sizeBytes: number;
      try {
        const head = await client.send(new sdk.HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
        sizeBytes = head.ContentLength ?? 0;
      } catch (error) {
        if (isMissing(sdk, error)) return null;
        throw error;
      }
      if (sizeBytes === 0) return { head: new Uint8Array(), sizeBytes };
      const object = await client.send(
        new sdk.GetObjectCommand({ Bucket: s3.bucket, Key: key, Range: `bytes=0-${bytes - 1}` }),
      );
      const head = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
      // A store that ignores Range sends everything; only the head is kept.
      return { head: head.subarray(0, bytes), sizeBytes };
    },
    async remove(key) {
      const { sdk, client } = await connect(s3);
      await client.send(new sdk.DeleteObjectCommand({ Bucket: s3.bucket, Key: key }));
    },
  };
}
