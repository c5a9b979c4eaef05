import { defineTableSpec } from '@/lib/url-table-state';
import {
  BOOKING_STATUSES,
  DISPUTE_STATUSES,
  MODERATION_KINDS,
  PAYMENT_STATUSES,
  PAYOUT_MILESTONES,
  PAYOUT_STATUS_VALUES,
  VENDOR_STATUSES,
  VENDOR_TYPE_VALUES,
} from './options';

// Each marketplace list's state in the URL. A plain module: the server page prefetches
// the page the URL names and the client table reads the same URL with the same spec.

export const VENDORS_TABLE = defineTableSpec({
  pageSize: 25,
  filters: { status: VENDOR_STATUSES, type: VENDOR_TYPE_VALUES },
});

export const BOOKINGS_TABLE = defineTableSpec({
  pageSize: 25,
  filters: { status: BOOKING_STATUSES },
});

export const BOOKING_PAYMENTS_TABLE = defineTableSpec({
  pageSize: 25,
  filters: { status: PAYMENT_STATUSES },
});

export const PAYOUTS_TABLE = defineTableSpec({
  pageSize: 25,
  filters: { status: PAYOUT_STATUS_VALUES, milestone: PAYOUT_MILESTONES },
  // The default view is the approval queue; "All" is written as ?status=.
  defaults: { status: 'eligible' },
});

// Other pages link here filtered to one booking or user (?bookingId=..., ?userId=...).
export const DISPUTES_TABLE = defineTableSpec({
  pageSize: 25,
  filters: { status: DISPUTE_STATUSES, bookingId: 'uuid', userId: 'uuid' },
});

export const MODERATION_TABLE = defineTableSpec({
  pageSize: 25,
  filters: { kind: MODERATION_KINDS, userId: 'uuid', bookingId: 'uuid' },
});

export const SUBSCRIPTIONS_TABLE = defineTableSpec({ pageSize: 25 });
