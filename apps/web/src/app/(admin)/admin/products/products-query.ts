import { defineTableSpec } from '@/lib/url-table-state';

// Shared by the server page (prefetch) and the client table: a plain module, since
// values exported from a 'use client' file reach server code only as references.
export const PRODUCTS_TABLE = defineTableSpec({
  pageSize: 20,
  sort: {
    columns: ['name', 'updatedAt', 'basePriceCents', 'status'],
    default: 'updatedAt',
    order: 'desc',
  },
  search: true,
  filters: { status: ['active', 'draft', 'archived'] },
});
