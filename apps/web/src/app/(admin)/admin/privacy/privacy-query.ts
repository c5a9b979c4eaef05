import { defineTableSpec } from '@/lib/url-table-state';

// Plain module: the server page prefetches with it, the client table reads the URL with it.
export const DATA_REQUESTS_TABLE = defineTableSpec({
  pageSize: 25,
  filters: { kind: ['export', 'deletion'], status: ['pending', 'completed'] },
});
