import { fileTypeFromBuffer } from 'file-type';

/** file-type never needs more than this many leading bytes. */
export const SNIFF_BYTES = 4100;

export type Inspection =
  | { ok: true; sniffedType: string }
  | {
      ok: false;
      sniffedType: string | null;
      /** What the HTTP edge answers: 413 or 415. */
      problem: 'too_large' | 'unsupported_type';
      reason: string;
    };

/**
 * The check when the bytes land. The declared Content-Type is only a claim: the
 * type is read from the bytes, must be allowed and must match what was declared.
 */
export async function inspectUploadedBytes(opts: {
  head: Uint8Array;
  sizeBytes: number;
  limitBytes: number;
  declaredType: string;
  allowedTypes: readonly string[];
}): Promise<Inspection> {
  const { head, sizeBytes, limitBytes, declaredType, allowedTypes } = opts;
  const detected = sizeBytes > 0 ? await fileTypeFromBuffer(head) : undefined;
  const sniffedType = detected?.mime ?? null;
  if (sizeBytes > limitBytes) {
    return {
      ok: false,
      sniffedType,
      problem: 'too_large',
      reason: `The file is larger than the ${limitBytes} bytes allowed for this upload`,
    };
  }
  if (sizeBytes === 0) {
    return { ok: false, sniffedType, problem: 'unsupported_type', reason: 'The file is empty' };
  }
  if (!sniffedType) {
    return {
      ok: false,
      sniffedType,
      problem: 'unsupported_type',
      reason: `The file's contents are not a recognised ${declaredType} file`,
    };
  }
  if (!allowedTypes.includes(sniffedType)) {
    return {
      ok: false,
      sniffedType,
      problem: 'unsupported_type',
      reason: `Files of type ${sniffedType} are not accepted`,
    };
  }
  if (sniffedType !== declaredType) {
    return {
      ok: false,
      sniffedType,
      problem: 'unsupported_type',
      reason: `The file's contents are ${sniffedType}, but it was declared as ${declaredType}`,
    };
  }
  return { ok: true, sniffedType };
}
