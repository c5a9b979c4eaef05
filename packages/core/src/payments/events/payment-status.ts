/**
 * The written-down order a storefront payment's status moves along. Events arrive
 * in any order; a status only ever moves to a higher rank: a failure never
 * overrides a cancel or a success, a success never overrides a refund.
 */
const RANK: Record<string, number> = { failed: 1, canceled: 2, succeeded: 3, refunded: 4 };

export function movesForward(from: string | null | undefined, to: string): boolean {
  return (RANK[to] ?? 0) > (from ? (RANK[from] ?? 0) : 0);
}

/** Payments that took money (a refunded payment still did). */
export const COLLECTED = ['succeeded', 'refunded'];
