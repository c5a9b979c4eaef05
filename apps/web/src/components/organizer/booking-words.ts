import type { RouterOutputs } from '@souk/api';

// Words an organizer reads for each stored state; shared by the list and the booking page.

export type MyBooking = RouterOutputs['marketplace']['organizer']['booking'];
export type BookingStatus = MyBooking['status'];
type Linkage = MyBooking['vendors'][number];
type Payment = MyBooking['payments'][number];

export const BOOKING_STATUS_TEXT: Record<BookingStatus, string> = {
  draft: 'Draft',
  awaiting_vendor_approval: 'Awaiting vendor approval',
  ready_for_payment: 'Ready for payment',
  paid: 'Paid',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const ANSWER_TEXT: Record<Linkage['status'], string> = {
  pending: 'Pending',
  approved: 'Approved',
  declined: 'Declined',
  countered: 'Countered',
};

export const ROLE_TEXT: Record<Linkage['role'], string> = {
  venue: 'Venue',
  service: 'Service',
};

export const PAYMENT_KIND_TEXT: Record<Payment['kind'], string> = {
  deposit: 'Deposit',
  full: 'Full payment',
  balance: 'Balance',
};

export const PAYMENT_STATUS_TEXT: Record<Payment['status'], string> = {
  requires_payment: 'Awaiting payment',
  succeeded: 'Succeeded',
  failed: 'Failed',
  canceled: 'Canceled',
};

// Event dates are stored as midnight UTC: formatting in UTC keeps the day the organizer chose.
const eventDateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

export function formatEventDate(date: Date | null): string {
  return date ? eventDateFormat.format(date) : 'Not set';
}

const PRICED: readonly BookingStatus[] = ['ready_for_payment', 'paid', 'completed'];

/** Until every vendor has priced the booking its total is zero: say so rather than "$0.00". */
export function isPriced(booking: { status: BookingStatus; totalCents: number }): boolean {
  return booking.totalCents > 0 || PRICED.includes(booking.status);
}
