import type { RouterInputs } from '@souk/api';

// Shared by the server page (prefetch) and the client table: a plain module, since
// values exported from a 'use client' file reach server code only as references.
export const INITIAL_PRODUCT_QUERY = {
  page: 1,
  pageSize: 20,
  sort: 'updatedAt',
  order: 'desc',
} satisfies RouterInputs['catalog']['list'];
