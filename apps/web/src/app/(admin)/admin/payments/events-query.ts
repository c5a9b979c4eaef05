import { defineTableSpec } from '@/lib/url-table-state';
import { EVENT_STATUSES } from './event-filters';

/** The ledger's state in the URL; read by the server page (prefetch) and the client table. */
export const EVENTS_TABLE = defineTableSpec({
  pageSize: 25,
  filters: { status: EVENT_STATUSES, type: 'text', invoiceId: 'uuid', bookingId: 'uuid' },
});
