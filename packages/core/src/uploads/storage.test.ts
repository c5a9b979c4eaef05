import { describe, expect, it } from 'vitest';
import { s3Storage } from './s3-storage';
import { contentDisposition } from './object-key';
import { localPathOf } from './storage';

const object = {
  orgId: 'org-1',
  id: 'upload-1',
  key: 'uploads/org-1/user-1/upload-1-plan.pdf',
  contentType: 'application/pdf',
  sizeBytes: 1234,
};

describe('S3 presigned URLs (no server: the signer is local)', () => {
  const storage = s3Storage({
    bucket: 'souk-media',
    region: 'eu-west-1',
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    forcePathStyle: false,
  });

  it('PUT: virtual-hosted bucket, the key, expiry, and type + length signed', async () => {
    const put = await storage.presignPut(object, new Date(Date.now() + 300_000));
    const url = new URL(put.url);
    expect(url.host).toBe('souk-media.s3.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe(`/${object.key}`);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeGreaterThanOrEqual(299);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect([...url.searchParams.keys()].some((k) => k.toLowerCase().includes('checksum'))).toBe(
      false,
    );
    expect(put.headers).toEqual({ 'Content-Type': 'application/pdf', 'Content-Length': '1234' });
  });

  it('GET: path-style on a custom endpoint, with the sniffed type and inline disposition', async () => {
    const minio = s3Storage({
      bucket: 'souk-media',
      region: 'us-east-1',
      endpointUrl: 'http://127.0.0.1:9000',
      accessKeyId: 'minio',
      secretAccessKey: 'minio-secret',
      forcePathStyle: true,
    });
    const url = new URL(
      await minio.presignGet({ ...object, fileName: 'plan.pdf' }, new Date(Date.now() + 60_000)),
    );
    expect(url.origin).toBe('http://127.0.0.1:9000');
    expect(url.pathname).toBe(`/souk-media/${object.key}`);
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      'inline; filename="plan.pdf"',
    );
  });
});

describe('local paths', () => {
  it('stay under the root', () => {
    expect(localPathOf('/data', 'uploads/a/b/c.png')).toBe('/data/uploads/a/b/c.png');
    expect(() => localPathOf('/data', '../etc/passwd')).toThrow(/escapes/);
  });

  it('content disposition quotes safely', () => {
    expect(contentDisposition('Floor plan (v2).pdf')).toBe(
      'inline; filename="Floor plan (v2).pdf"',
    );
    expect(contentDisposition('a"b\\c é.png')).toBe(
      `inline; filename="a_b_c _.png"; filename*=UTF-8''a%22b%5Cc%20%C3%A9.png`,
    );
  });
});
