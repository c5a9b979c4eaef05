import { defineTableSpec } from '@/lib/url-table-state';
import { ANSWER_STATUSES, BOOKING_STATUSES, PAYOUT_STATUSES } from './vendor-words';

// The vendor lists' state in the URL. A plain module: the server page prefetches the page
// the URL names and the client table reads the same URL with the same spec.

export const INBOX_TABLE = defineTableSpec({
  pageSize: 25,
  filters: { status: ANSWER_STATUSES, bookingStatus: BOOKING_STATUSES },
});

export const VENDOR_PAYOUTS_TABLE = defineTableSpec({
  pageSize: 25,
  filters: { status: PAYOUT_STATUSES },
});
