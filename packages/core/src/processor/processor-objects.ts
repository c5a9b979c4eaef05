import type { ProcessorObjectKind, Tx } from '@souk/db';

export interface ProcessorObjectRef {
  id: string;
  kind: ProcessorObjectKind;
  invoiceId?: string | null;
  bookingId?: string | null;
  vendorId?: string | null;
  payoutId?: string | null;
}

/**
 * Records a processor object Souk created or learned, in the caller's transaction
 * (the one that writes the local row), so an event about it can be routed without
 * metadata. Idempotent: the first record wins.
 */
export async function recordProcessorObject(
  tx: Tx,
  orgId: string,
  ref: ProcessorObjectRef,
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO processor_objects (id, "orgId", kind, "invoiceId", "bookingId", "vendorId", "payoutId")
    VALUES (${ref.id}, ${orgId}::uuid, ${ref.kind}::"ProcessorObjectKind", ${ref.invoiceId ?? null}::uuid,
            ${ref.bookingId ?? null}::uuid, ${ref.vendorId ?? null}::uuid, ${ref.payoutId ?? null}::uuid)
    ON CONFLICT (id) DO NOTHING`;
}

/** The local target of a processor object of this org (RLS keeps other orgs' out). */
export function findProcessorObject(tx: Tx, id: string) {
  return tx.processorObject.findUnique({ where: { id } });
}
