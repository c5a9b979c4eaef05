import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignedOp = 'put' | 'get';

export interface SignedUploadLink {
  orgId: string;
  uploadId: string;
  op: SignedOp;
  /** Unix seconds. */
  expires: number;
}

// The org rides in the link (covered by the signature) because the route has no
// session to take it from, and RLS needs it before the row can be read.
function mac(link: SignedUploadLink, secret: string): string {
  return createHmac('sha256', secret)
    .update(`upload:v1:${link.orgId}:${link.uploadId}:${link.op}:${link.expires}`)
    .digest('base64url');
}

export function signedUploadUrl(baseUrl: string, link: SignedUploadLink, secret: string): string {
  const query = new URLSearchParams({
    org: link.orgId,
    op: link.op,
    expires: String(link.expires),
    sig: mac(link, secret),
  });
  return `${baseUrl}/api/uploads/${link.uploadId}?${query.toString()}`;
}

export function isValidUploadSignature(
  link: SignedUploadLink,
  sig: string,
  secret: string,
): boolean {
  const expected = Buffer.from(mac(link, secret));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
