import { z } from 'zod';

/** A paged list as core's `pageOf` builds it: this page's items and the count across pages. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
  });
}

/** What a delete answers: the id of the row that is gone. */
export const deletedOutput = z.object({ id: z.string() });
