import type { BookingStatus } from '@souk/db';

export const BOOKING_STATUSES = [
  'draft',
  'awaiting_vendor_approval',
  'ready_for_payment',
  'paid',
  'completed',
  'cancelled',
] as const satisfies readonly BookingStatus[];

// The whole lifecycle. Anything not listed is refused; completed and cancelled are final.
const ALLOWED: Record<BookingStatus, readonly BookingStatus[]> = {
  draft: ['awaiting_vendor_approval', 'cancelled'],
  awaiting_vendor_approval: ['ready_for_payment', 'cancelled'],
  ready_for_payment: ['paid', 'cancelled'],
  paid: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function nextStatuses(from: BookingStatus): readonly BookingStatus[] {
  return ALLOWED[from];
}

export interface LinkageForReadiness {
  role: 'venue' | 'service';
  status: 'pending' | 'approved' | 'declined' | 'countered';
  agreedAmountCents: number | null;
}

/**
 * Ready for payment when the venue and every vendor still included (not declined)
 * have approved with a price above zero. A declined venue keeps the booking waiting.
 */
export function isReadyForPayment(linkages: readonly LinkageForReadiness[]): boolean {
  const included = linkages.filter((l) => l.status !== 'declined');
  const venueIncluded = included.some((l) => l.role === 'venue');
  return (
    venueIncluded &&
    included.every((l) => l.status === 'approved' && (l.agreedAmountCents ?? 0) > 0)
  );
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The earliest event date (YYYY-MM-DD) a request may still name. Souk keeps no
 * timezone for orgs or customers and stores event dates as calendar days, so "today"
 * is taken at UTC−12, where a day ends last: a same-day event is never refused for
 * anyone on Earth, and a day that is over everywhere always is.
 */
export function earliestEventDate(now: Date = new Date()): string {
  return new Date(now.getTime() - 12 * HOUR_MS).toISOString().slice(0, 10);
}

/** `eventDate` is a calendar day, either `YYYY-MM-DD` or the stored midnight-UTC Date. */
export function isEventDateInPast(eventDate: string | Date, now: Date = new Date()): boolean {
  const day = typeof eventDate === 'string' ? eventDate : eventDate.toISOString().slice(0, 10);
  return day < earliestEventDate(now);
}

export const EVENT_DATE_IN_PAST_MESSAGE =
  'The event date is in the past: choose today or a later date';

// UTC so the server and every browser print the same day the organizer picked.
const dayFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * Why the organizer cannot mark the event completed yet, or null when they can.
 * Completion opens at the start of the event day (00:00 UTC of the stored date):
 * releasing the vendors' completion payouts months early is the admin's call
 * (force-complete), never the organizer's. A booking without a date has nothing to
 * wait for.
 */
export function completionBlockedReason(
  eventDate: Date | null,
  now: Date = new Date(),
): string | null {
  if (!eventDate || now.getTime() >= eventDate.getTime()) return null;
  const days = Math.ceil((eventDate.getTime() - now.getTime()) / DAY_MS);
  return `The event is on ${dayFormat.format(eventDate)}: you can mark it completed from that day (in ${days} day${days === 1 ? '' : 's'})`;
}

const STATUS_WORDS: Record<BookingStatus, string> = {
  draft: 'Draft',
  awaiting_vendor_approval: 'Awaiting vendor approval',
  ready_for_payment: 'Ready for payment',
  paid: 'Paid in full',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/**
 * What people read for a booking's state. A `paid` booking may hold only the
 * deposit: saying "Paid" there hides the balance still due.
 */
export function bookingStatusLabel(booking: {
  status: BookingStatus;
  totalCents: number;
  amountPaidCents: number;
}): string {
  if (booking.status === 'paid' && booking.amountPaidCents < booking.totalCents) {
    return 'Deposit paid';
  }
  return STATUS_WORDS[booking.status];
}
