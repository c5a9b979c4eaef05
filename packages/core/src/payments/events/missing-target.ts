/**
 * The event names a row Souk does not have yet, or one not in the state the event
 * needs (a refund before its payment succeeded). The applier keeps the event
 * `waiting` and retries it; `waitingFor` is the processor or local id whose
 * arrival wakes it at once.
 */
export class MissingTargetError extends Error {
  override name = 'MissingTargetError';
  constructor(
    message: string,
    readonly waitingFor: string | null = null,
  ) {
    super(message);
  }
}

export function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** A safe integer from the processor, else 0; the database's CHECKs refuse negative money. */
export function int(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : 0;
}

export function metadataOf(object: Record<string, unknown>): Record<string, string> {
  const m = object.metadata;
  return m && typeof m === 'object' ? (m as Record<string, string>) : {};
}

/** The PaymentIntent a PaymentIntent, charge or refund object is about. */
export function paymentIntentIdOf(object: Record<string, unknown>): string | null {
  return (
    str(object.object === 'payment_intent' ? object.id : object.payment_intent) ?? str(object.id)
  );
}
