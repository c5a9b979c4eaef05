import { formatDate } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';

// Words an organizer reads besides statuses (those come from formatStatus in @souk/ui);
// shared by the list and the booking page.

export type MyBooking = RouterOutputs['marketplace']['organizer']['getBooking'];
export type BookingStatus = MyBooking['status'];
type Linkage = MyBooking['vendors'][number];
type Payment = MyBooking['payments'][number];

export const ROLE_TEXT: Record<Linkage['role'], string> = {
  venue: 'Venue',
  service: 'Service',
};

export const PAYMENT_KIND_TEXT: Record<Payment['kind'], string> = {
  deposit: 'Deposit',
  full: 'Full payment',
  balance: 'Balance',
};

/** Event dates are stored as midnight UTC; the kit's formatter keeps the day chosen. */
export function formatEventDate(date: Date | null): string {
  return formatDate(date, 'Not set');
}

const PRICED: readonly BookingStatus[] = ['ready_for_payment', 'paid', 'completed'];

/** Until every vendor has priced the booking its total is zero: say so rather than "$0.00". */
export function isPriced(booking: { status: BookingStatus; totalCents: number }): boolean {
  return booking.totalCents > 0 || PRICED.includes(booking.status);
}
