import type { Keyset } from './list-export';

/**
 * The keyset condition for lists ordered by `NEWEST_FIRST` (createdAt, then id, both
 * descending): the rows after `after`. Timestamps are stored to the millisecond, as
 * Date holds them, so the comparison is exact.
 */
export function createdBefore(after: Keyset | null) {
  if (!after) return {};
  return {
    OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }],
  };
}
