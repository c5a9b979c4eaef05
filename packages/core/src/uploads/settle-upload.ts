import type { Tx, Upload } from '@souk/db';
import { CURRENT_PERIOD, incrementUsageCounter } from '../org/usage-counters';
import type { Inspection } from './inspect-bytes';

/** Locks the row so two deliveries of the same upload cannot both settle it. */
export async function lockUpload(tx: Tx, uploadId: string): Promise<Upload | null> {
  await tx.$queryRaw`SELECT id FROM uploads WHERE id = ${uploadId}::uuid FOR UPDATE`;
  return tx.upload.findUnique({ where: { id: uploadId } });
}

/** pending -> stored or rejected, with what the bytes turned out to be. */
export async function settleUpload(
  tx: Tx,
  upload: Upload,
  sizeBytes: number,
  inspection: Inspection,
): Promise<Upload> {
  const settled = await tx.upload.update({
    where: { id: upload.id },
    data: inspection.ok
      ? {
          status: 'stored',
          sniffedType: inspection.sniffedType,
          sizeBytes,
          storedAt: new Date(),
          rejectReason: null,
        }
      : {
          status: 'rejected',
          sniffedType: inspection.sniffedType,
          sizeBytes,
          rejectReason: inspection.reason,
        },
  });
  if (inspection.ok) {
    await incrementUsageCounter(tx, {
      orgId: upload.orgId,
      metric: 'storage_bytes',
      period: CURRENT_PERIOD,
      by: sizeBytes,
    });
  }
  return settled;
}

/** The most bytes this upload may have: what was declared, never more than the setting. */
export function byteLimitOf(upload: Upload, maxBytes: number): number {
  return Math.min(upload.declaredBytes, maxBytes);
}
