// What the payment-events page needs besides React: status labels and durations people
// read ("120 ms", "2.5 s").
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
