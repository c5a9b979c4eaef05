// Dates and statuses as people read them. The locale and the time zone are fixed, so
// the server and every browser print the same characters: a page rendered on the
// server hydrates without a text mismatch (React #418), whatever zone the reader is in.
// Money is formatted by `formatMoney` in @souk/core/money (the server needs it too).

export const DISPLAY_LOCALE = 'en-US';
/** Souk keeps no time zone per org or person yet: times are shown in UTC and say so. */
export const DISPLAY_TIME_ZONE = 'UTC';

const dateFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  dateStyle: 'medium',
  timeZone: DISPLAY_TIME_ZONE,
});
const dateTimeFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: DISPLAY_TIME_ZONE,
  timeZoneName: 'short',
});
const numberFormat = new Intl.NumberFormat(DISPLAY_LOCALE);

type DateInput = Date | string | number | null | undefined;

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A calendar day: "Mar 4, 2027". Event dates are stored as midnight UTC, so formatting
 * in UTC keeps the day that was chosen. `empty` is what a missing date reads as.
 */
export function formatDate(value: DateInput, empty = '—'): string {
  const date = toDate(value);
  return date ? dateFormat.format(date) : empty;
}

/** A moment, with its zone: "Mar 4, 2027, 14:05 UTC". */
export function formatDateTime(value: DateInput, empty = '—'): string {
  const date = toDate(value);
  return date ? dateTimeFormat.format(date) : empty;
}

/** The machine-readable value for `<time dateTime>`. */
export function isoDateTime(value: DateInput): string | undefined {
  return toDate(value)?.toISOString();
}

/** 1234567 -> "1,234,567". */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export type StatusTone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

interface StatusWords {
  label: string;
  tone: StatusTone;
}

/**
 * Every stored status, in words, with the colour its badge takes. One table for every
 * enum (products, orders, invoices, checkout sessions, processor events, outbox, bookings
 * and their vendors and payments, payouts, disputes, vendors, subscriptions, uploads,
 * fulfillment tasks): a value shared by several enums means the same thing in each.
 */
export const STATUS_WORDS = {
  // products
  draft: { label: 'Draft', tone: 'neutral' },
  active: { label: 'Active', tone: 'success' },
  archived: { label: 'Archived', tone: 'warning' },
  // orders and invoices
  pending_payment: { label: 'Awaiting payment', tone: 'info' },
  paid: { label: 'Paid', tone: 'success' },
  fulfilled: { label: 'Fulfilled', tone: 'success' },
  refunded: { label: 'Refunded', tone: 'neutral' },
  cancelled: { label: 'Cancelled', tone: 'danger' },
  void: { label: 'Void', tone: 'neutral' },
  partial: { label: 'Partly paid', tone: 'warning' },
  overdue: { label: 'Overdue', tone: 'danger' },
  // checkout sessions, disputes
  open: { label: 'Open', tone: 'info' },
  abandoned: { label: 'Abandoned', tone: 'warning' },
  expired: { label: 'Expired', tone: 'warning' },
  completed: { label: 'Completed', tone: 'success' },
  superseded: { label: 'Superseded', tone: 'neutral' },
  // processor events
  received: { label: 'Received', tone: 'info' },
  waiting: { label: 'Waiting', tone: 'warning' },
  unrouted: { label: 'Unrouted', tone: 'warning' },
  processed: { label: 'Processed', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  // outbox, fulfillment tasks, vendor answers, uploads
  pending: { label: 'Pending', tone: 'info' },
  delivered: { label: 'Delivered', tone: 'success' },
  dead: { label: 'Dead letter', tone: 'danger' },
  approved: { label: 'Approved', tone: 'success' },
  declined: { label: 'Declined', tone: 'danger' },
  countered: { label: 'Countered', tone: 'warning' },
  needs_changes: { label: 'Needs changes', tone: 'warning' },
  stored: { label: 'Stored', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'danger' },
  // bookings (a paid booking may hold only the deposit: core's bookingStatusLabel says so)
  awaiting_vendor_approval: { label: 'Awaiting vendor approval', tone: 'warning' },
  ready_for_payment: { label: 'Ready for payment', tone: 'info' },
  // booking payments
  requires_payment: { label: 'Awaiting payment', tone: 'info' },
  succeeded: { label: 'Succeeded', tone: 'success' },
  canceled: { label: 'Cancelled', tone: 'danger' },
  // payouts
  locked: { label: 'Locked', tone: 'neutral' },
  eligible: { label: 'Eligible', tone: 'info' },
  held: { label: 'Held', tone: 'warning' },
  reversed: { label: 'Reversed', tone: 'danger' },
  voided: { label: 'Voided', tone: 'neutral' },
  // disputes
  resolved_released: { label: 'Resolved, payouts released', tone: 'success' },
  resolved_reversed: { label: 'Resolved, payouts reversed', tone: 'success' },
  // subscriptions
  none: { label: 'No subscription', tone: 'neutral' },
  trial: { label: 'Trial', tone: 'info' },
  incomplete: { label: 'Incomplete', tone: 'warning' },
  // job runs
  ok: { label: 'OK', tone: 'success' },
  // operator health checks (ok is above)
  degraded: { label: 'Degraded', tone: 'warning' },
  down: { label: 'Down', tone: 'danger' },
  // people
  disabled: { label: 'Disabled', tone: 'danger' },
  // the org's billing (active is the products' word)
  paused: { label: 'Paused', tone: 'warning' },
  // reconciliation runs and discrepancies (completed, failed and open are above)
  running: { label: 'Running', tone: 'info' },
  resolved: { label: 'Resolved', tone: 'success' },
  explained: { label: 'Explained', tone: 'neutral' },
  // erased files (GDPR cleanup)
  tombstoned: { label: 'Deletion retrying', tone: 'warning' },
  deleted: { label: 'Deleted', tone: 'neutral' },
  // break-glass sessions (active and expired are above)
  ended: { label: 'Ended', tone: 'neutral' },
} as const satisfies Record<string, StatusWords>;

export type KnownStatus = keyof typeof STATUS_WORDS;

function isKnownStatus(status: string): status is KnownStatus {
  return Object.hasOwn(STATUS_WORDS, status);
}

/** "awaiting_vendor_approval" -> "Awaiting vendor approval"; unknown values are spelled out. */
export function formatStatus(status: string): string {
  if (isKnownStatus(status)) return STATUS_WORDS[status].label;
  const words = status.replace(/[_.-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : status;
}

export function statusTone(status: string): StatusTone {
  return isKnownStatus(status) ? STATUS_WORDS[status].tone : 'neutral';
}

/** Options for a status filter, in words. */
export function statusOptions<T extends string>(
  statuses: readonly T[],
): { value: T; label: string }[] {
  return statuses.map((value) => ({ value, label: formatStatus(value) }));
}
