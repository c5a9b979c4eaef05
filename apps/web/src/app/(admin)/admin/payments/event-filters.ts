// What the payment-events page needs besides React: status labels, the text filters
// turned into the list input (an id that is not a uuid never reaches the server) and
// durations people read ("120 ms", "2.5 s").
import { z } from 'zod';
import type { RouterInputs } from '@souk/api';

type ListInput = RouterInputs['payments']['listEvents'];
export type EventStatus = NonNullable<ListInput['status']>;

/** Every status, in the ledger's order; a Record so a new status cannot be forgotten. */
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  received: 'Received',
  waiting: 'Waiting',
  unrouted: 'Unrouted',
  processed: 'Processed',
  failed: 'Failed',
};
export const EVENT_STATUSES = Object.keys(EVENT_STATUS_LABELS) as EventStatus[];
export const EVENT_STATUS_OPTIONS = EVENT_STATUSES.map((value) => ({
  value,
  label: EVENT_STATUS_LABELS[value],
}));

export interface FilterDraft {
  type: string;
  invoiceId: string;
  bookingId: string;
}
export const emptyFilterDraft: FilterDraft = { type: '', invoiceId: '', bookingId: '' };

export type FilterErrors = Partial<Record<'invoiceId' | 'bookingId', string>>;
type TextFilters = Pick<ListInput, 'type' | 'invoiceId' | 'bookingId'>;

// The same check as the API's input schema (z.uuid), so what passes here passes there.
const uuid = z.uuid();

export function parseFilterDraft(
  draft: FilterDraft,
): { ok: true; filters: TextFilters } | { ok: false; errors: FilterErrors } {
  const type = draft.type.trim();
  const invoiceId = draft.invoiceId.trim();
  const bookingId = draft.bookingId.trim();
  const errors: FilterErrors = {};
  if (invoiceId && !uuid.safeParse(invoiceId).success) {
    errors.invoiceId = 'Not an invoice id: paste the whole id (36 characters with dashes).';
  }
  if (bookingId && !uuid.safeParse(bookingId).success) {
    errors.bookingId = 'Not a booking id: paste the whole id (36 characters with dashes).';
  }
  if (errors.invoiceId || errors.bookingId) return { ok: false, errors };
  return {
    ok: true,
    filters: {
      type: type || undefined,
      invoiceId: invoiceId ? invoiceId.toLowerCase() : undefined,
      bookingId: bookingId ? bookingId.toLowerCase() : undefined,
    },
  };
}

/** A receipt-to-applied duration: "120 ms", "4.2 s", "3 min", "1.5 h"; "—" when not applied. */
export function formatLag(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const value = Math.max(0, Math.round(ms));
  if (value < 1_000) return `${value} ms`;
  // Rounded before choosing the unit, so 59.99 s reads "1 min", never "60.0 s".
  const seconds = Math.round(value / 100) / 10;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.round(value / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${(value / 3_600_000).toFixed(1)} h`;
}

/** The first characters of a uuid, enough to tell rows apart in a narrow table. */
export function shortId(id: string): string {
  return `${id.slice(0, 8)}…`;
}
