import { DISCREPANCY_KINDS, DISCREPANCY_SEVERITIES, DISCREPANCY_STATUSES } from '@souk/core/client';
import { defineTableSpec } from '@/lib/url-table-state';

// Shared by the server pages (prefetch) and the client tables: a plain module, since
// values exported from a 'use client' file reach server code only as references.
export const RUNS_TABLE = defineTableSpec({ pageSize: 25 });

export const DISCREPANCIES_TABLE = defineTableSpec({
  pageSize: 25,
  filters: {
    status: DISCREPANCY_STATUSES,
    kind: DISCREPANCY_KINDS,
    severity: DISCREPANCY_SEVERITIES,
    runId: 'uuid',
  },
});
