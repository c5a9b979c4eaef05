/** The event names a row Souk does not have: recorded as failed, answered 200 (no retry helps). */
export class MissingTargetError extends Error {
  override name = 'MissingTargetError';
}

export function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function int(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : 0;
}

export function metadataOf(object: Record<string, unknown>): Record<string, string> {
  const m = object.metadata;
  return m && typeof m === 'object' ? (m as Record<string, string>) : {};
}
