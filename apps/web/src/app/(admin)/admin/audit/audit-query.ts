import { defineTableSpec } from '@/lib/url-table-state';

// A plain module: the client table reads it, and a server page can prefetch with it.
export const AUDIT_TABLE = defineTableSpec({
  pageSize: 25,
  filters: { action: 'text', entityType: 'text', actorEmail: 'text' },
});
