/** Offset paging for admin and portal lists: `page` is 1-based. */
export function pageArgs(input: { page: number; pageSize: number }) {
  return { skip: (input.page - 1) * input.pageSize, take: input.pageSize };
}

/**
 * The one shape every paged list returns: this page's items, the count across all
 * pages, and the paging asked for. Build it with `pageOf`.
 */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export function pageOf<T>(
  input: { page: number; pageSize: number },
  total: number,
  items: T[],
): Page<T> {
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** Stable newest-first order: ties on createdAt are broken by id, so pages never overlap. */
export const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
