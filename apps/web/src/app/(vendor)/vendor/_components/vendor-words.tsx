import { BOOKING_STATUSES } from '@souk/core/client';
import { formatDate, formatStatus, StatusBadge } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';

// Words a vendor reads for each stored state; shared by the inbox, the booking page and payouts.

export type MyVendor = NonNullable<RouterOutputs['marketplace']['vendor']['getMyVendor']>;
export type VendorBooking = RouterOutputs['marketplace']['vendor']['getBooking'];
export type BookingStatus = VendorBooking['booking']['status'];
export type AnswerStatus = VendorBooking['linkage']['status'];
export type VendorPayout = VendorBooking['payouts'][number];
export type PayoutStatus = VendorPayout['status'];

export { BOOKING_STATUSES };

/** The kit's words for each booking status (one table for every status: @souk/ui format). */
export const BOOKING_STATUS_TEXT = Object.fromEntries(
  BOOKING_STATUSES.map((status) => [status, formatStatus(status)]),
) as Record<BookingStatus, string>;

export const ANSWER_STATUSES = [
  'pending',
  'approved',
  'declined',
  'countered',
] as const satisfies readonly AnswerStatus[];

export const PAYOUT_STATUSES = [
  'locked',
  'eligible',
  'held',
  'paid',
  'reversed',
  'voided',
] as const satisfies readonly PayoutStatus[];

export const MILESTONE_TEXT: Record<VendorPayout['milestone'], string> = {
  reservation: 'Reservation',
  completion: 'Completion',
};

export const VENDOR_TYPE_TEXT: Record<MyVendor['type'], string> = {
  venue_owner: 'Venue owner',
  service_provider: 'Service provider',
};

/**
 * The vendor asks for the reservation share once the organizer has paid; the
 * completion share is released when the event is completed, never on request.
 */
export function canRequestPayout(
  payout: Pick<VendorPayout, 'milestone' | 'status'>,
  bookingStatus: BookingStatus,
): boolean {
  return (
    payout.milestone === 'reservation' &&
    payout.status === 'locked' &&
    (bookingStatus === 'paid' || bookingStatus === 'completed')
  );
}

/** Event dates are stored as midnight UTC; the kit's formatter keeps the day chosen. */
export function formatEventDate(date: Date | null): string {
  return formatDate(date);
}

/** A status badge in the kit's words; `text` overrides them. */
export function StatusPill({ status, text }: { status: string; text?: string }) {
  return <StatusBadge status={status} label={text} />;
}
