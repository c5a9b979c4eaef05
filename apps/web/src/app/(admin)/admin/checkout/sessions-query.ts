import { defineTableSpec } from '@/lib/url-table-state';

// Plain module: the server page prefetches with these, the client tables read the URL with them.
export const SESSION_STATUSES = [
  'open',
  'abandoned',
  'expired',
  'completed',
  'superseded',
] as const;

export const SESSIONS_TABLE = defineTableSpec({
  pageSize: 25,
  filters: { status: SESSION_STATUSES },
});

/** The second list on the page: its parameters are runsPage and runsPageSize. */
export const RUNS_TABLE = defineTableSpec({ pageSize: 10, prefix: 'runs' });
