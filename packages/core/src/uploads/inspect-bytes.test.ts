import { describe, expect, it } from 'vitest';
import { inspectUploadedBytes } from './inspect-bytes';
import { tinyPdf, tinyPng } from './testing';

const allowedTypes = ['image/png', 'image/jpeg', 'application/pdf'];
const inspect = (bytes: Buffer, declaredType: string, limitBytes = 1000) =>
  inspectUploadedBytes({
    head: bytes,
    sizeBytes: bytes.length,
    limitBytes,
    declaredType,
    allowedTypes,
  });

describe('inspectUploadedBytes', () => {
  it('accepts bytes that are what was declared', async () => {
    expect(await inspect(tinyPng(), 'image/png')).toEqual({ ok: true, sniffedType: 'image/png' });
    expect(await inspect(tinyPdf(), 'application/pdf')).toEqual({
      ok: true,
      sniffedType: 'application/pdf',
    });
  });

  it('rejects a PDF declared as PNG, naming both', async () => {
    const result = await inspect(tinyPdf(), 'image/png');
    expect(result).toMatchObject({
      ok: false,
      sniffedType: 'application/pdf',
      problem: 'unsupported_type',
    });
    expect(!result.ok && result.reason).toContain('declared as image/png');
  });

  it('rejects what cannot be identified (text, script) and empty files', async () => {
    expect(await inspect(Buffer.from('<svg onload="alert(1)"/>'), 'image/png')).toMatchObject({
      ok: false,
      sniffedType: null,
    });
    expect(await inspect(Buffer.alloc(0), 'image/png')).toMatchObject({ ok: false });
  });

  it('rejects types outside the allowlist even when declared honestly', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expect(await inspect(gif, 'image/gif')).toMatchObject({
      ok: false,
      sniffedType: 'image/gif',
      reason: 'Files of type image/gif are not accepted',
    });
  });

  it('rejects too many bytes as too large', async () => {
    const png = tinyPng();
    expect(await inspect(png, 'image/png', png.length - 1)).toMatchObject({
      ok: false,
      problem: 'too_large',
    });
  });
});
