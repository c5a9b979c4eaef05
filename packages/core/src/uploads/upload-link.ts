import { isValidUploadSignature, type SignedOp, type SignedUploadLink } from './signed-url';
import type { UploadView } from './schemas';
import type { UploadSettings } from './settings';

/** Why a signed-link request failed; the web route turns each into an HTTP status. */
export type UploadProblem =
  | 'invalid_link' // 400
  | 'bad_signature' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'expired' // 410
  | 'too_large' // 413
  | 'unsupported_type'; // 415

export interface UploadFailure {
  ok: false;
  problem: UploadProblem;
  message: string;
  /** Set when the row was settled as rejected. */
  upload?: UploadView;
}

export const failure = (
  problem: UploadProblem,
  message: string,
  upload?: UploadView,
): UploadFailure => ({ ok: false, problem, message, ...(upload ? { upload } : {}) });

/** The query string of a signed link, as the route received it. */
export interface UploadLinkParams {
  uploadId: string;
  orgId: string | null;
  op: string | null;
  expires: string | null;
  sig: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Shape, then signature, then expiry: nothing is read from the database before that. */
export function checkUploadLink(
  params: UploadLinkParams,
  op: SignedOp,
  settings: UploadSettings,
  now = Date.now(),
): { ok: true; link: SignedUploadLink } | UploadFailure {
  const { uploadId, orgId, expires, sig } = params;
  if (
    !UUID.test(uploadId) ||
    !orgId ||
    !UUID.test(orgId) ||
    params.op !== op ||
    !expires ||
    !/^\d{1,12}$/.test(expires) ||
    !sig
  ) {
    return failure('invalid_link', `This is not a valid upload link for ${op.toUpperCase()}`);
  }
  const link: SignedUploadLink = { orgId, uploadId, op, expires: Number(expires) };
  if (!isValidUploadSignature(link, sig, settings.linkSecret)) {
    return failure('bad_signature', 'The upload link signature does not match');
  }
  if (link.expires * 1000 < now) {
    return failure('expired', 'This upload link has expired: request a new one');
  }
  return { ok: true, link };
}
