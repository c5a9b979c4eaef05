/** An instant in a refusal message: "2026-12-07 13:05 UTC". */
export function formatInstant(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
