import { describe, expect, it } from 'vitest';
import { signedUploadUrl } from './signed-url';
import { checkUploadLink } from './upload-link';
import type { UploadSettings } from './settings';
import { uploadLinkParams } from './testing';

const settings = { linkSecret: 'a-test-secret-of-some-length' } as UploadSettings;
const orgId = '11111111-1111-4111-8111-111111111111';
const uploadId = '22222222-2222-4222-8222-222222222222';
const now = Date.UTC(2026, 0, 1);
const expires = now / 1000 + 300;

const url = signedUploadUrl(
  'https://souk.example',
  { orgId, uploadId, op: 'put', expires },
  settings.linkSecret,
);

describe('signed upload links', () => {
  it('look like /api/uploads/{id}?org&op&expires&sig and verify', () => {
    expect(
      url.startsWith(
        `https://souk.example/api/uploads/${uploadId}?org=${orgId}&op=put&expires=${expires}&sig=`,
      ),
    ).toBe(true);
    expect(checkUploadLink(uploadLinkParams(url), 'put', settings, now)).toMatchObject({
      ok: true,
    });
  });

  it('refuse another operation, org, upload, expiry or secret', () => {
    const p = uploadLinkParams(url);
    expect(checkUploadLink(p, 'get', settings, now)).toMatchObject({ problem: 'invalid_link' });
    const otherOrg = { ...p, orgId: '33333333-3333-4333-8333-333333333333' };
    expect(checkUploadLink(otherOrg, 'put', settings, now)).toMatchObject({
      problem: 'bad_signature',
    });
    const otherUpload = { ...p, uploadId: '44444444-4444-4444-8444-444444444444' };
    expect(checkUploadLink(otherUpload, 'put', settings, now)).toMatchObject({
      problem: 'bad_signature',
    });
    const later = { ...p, expires: String(expires + 3600) };
    expect(checkUploadLink(later, 'put', settings, now)).toMatchObject({
      problem: 'bad_signature',
    });
    const otherSecret = { linkSecret: 'another-secret-of-some-length' } as UploadSettings;
    expect(checkUploadLink(p, 'put', otherSecret, now)).toMatchObject({ problem: 'bad_signature' });
  });

  it('expire', () => {
    expect(
      checkUploadLink(uploadLinkParams(url), 'put', settings, (expires + 1) * 1000),
    ).toMatchObject({
      problem: 'expired',
    });
  });

  it('reject malformed parameters before any lookup', () => {
    const p = uploadLinkParams(url);
    for (const bad of [
      { ...p, uploadId: 'not-a-uuid' },
      { ...p, orgId: null },
      { ...p, expires: '12abc' },
      { ...p, sig: null },
    ]) {
      expect(checkUploadLink(bad, 'put', settings, now)).toMatchObject({ problem: 'invalid_link' });
    }
  });
});
