/** Offset paging for admin and portal lists: `page` is 1-based. */
export function pageArgs(input: { page: number; pageSize: number }) {
  return { skip: (input.page - 1) * input.pageSize, take: input.pageSize };
}

/** Stable newest-first order: ties on createdAt are broken by id, so pages never overlap. */
export const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
