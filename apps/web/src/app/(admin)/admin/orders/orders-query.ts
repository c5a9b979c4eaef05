import { ORDER_STATUSES } from '@souk/core/client';
import { defineTableSpec } from '@/lib/url-table-state';

// Shared by the server page (prefetch) and the client table: a plain module, since
// values exported from a 'use client' file reach server code only as references.
export const ORDERS_TABLE = defineTableSpec({
  pageSize: 25,
  sort: { columns: ['createdAt', 'totalCents', 'number'], default: 'createdAt', order: 'desc' },
  search: true,
  filters: { status: ORDER_STATUSES, from: 'text', to: 'text', productId: 'uuid' },
});

/** The products offered in the product filter; the server page prefetches the same. */
export const PRODUCT_CHOICES = {
  page: 1,
  pageSize: 100,
  sort: 'name',
  order: 'asc',
} as const;
