import { INVOICE_STATUSES } from '@souk/core/client';
import { defineTableSpec } from '@/lib/url-table-state';

// Shared by the server pages (prefetch) and the client tables: a plain module, since
// values exported from a 'use client' file reach server code only as references.
export const INVOICES_TABLE = defineTableSpec({
  pageSize: 25,
  sort: {
    columns: ['issuedAt', 'dueAt', 'totalCents', 'number'],
    default: 'issuedAt',
    order: 'desc',
  },
  search: true,
  filters: { status: INVOICE_STATUSES, from: 'text', to: 'text' },
});

export const MISMATCHES_TABLE = defineTableSpec({
  pageSize: 50,
  // "All" (?status=) is the report's own default: mismatches only.
  filters: { status: ['mismatch', 'all'] },
});

export const QUEUE_TABLE = defineTableSpec({
  pageSize: 50,
  filters: { status: ['overdue', 'unpaid'] },
});
