import { defineTableSpec } from '@/lib/url-table-state';

// Shared by the server page (prefetch) and the client table: a plain module, since
// values exported from a 'use client' file reach server code only as references.
export const CUSTOMERS_TABLE = defineTableSpec({
  pageSize: 20,
  sort: {
    columns: ['name', 'email', 'lastOrderAt', 'lifetimeValueCents'],
    default: 'lastOrderAt',
    order: 'desc',
  },
  search: true,
});
