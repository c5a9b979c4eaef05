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
