import { describe, expect, it } from 'vitest';
import type { BookingStatus } from '@souk/db';
import { BOOKING_STATUSES, canTransition, isReadyForPayment } from './booking-status';

const ALLOWED = new Set([
  'draft->awaiting_vendor_approval',
  'draft->cancelled',
  'awaiting_vendor_approval->ready_for_payment',
  'awaiting_vendor_approval->cancelled',
  'ready_for_payment->paid',
  'ready_for_payment->cancelled',
  'paid->completed',
  'paid->cancelled',
]);

describe('booking status machine', () => {
  const pairs = BOOKING_STATUSES.flatMap((from) =>
    BOOKING_STATUSES.map((to) => [from, to] as [BookingStatus, BookingStatus]),
  );

  it.each(pairs)('%s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(ALLOWED.has(`${from}->${to}`));
  });

  it('covers all 36 pairs, 8 allowed', () => {
    expect(pairs).toHaveLength(36);
    expect(pairs.filter(([f, t]) => canTransition(f, t))).toHaveLength(8);
  });
});

describe('isReadyForPayment', () => {
  const venue = { role: 'venue' as const, status: 'approved' as const, agreedAmountCents: 100_000 };
  const service = {
    role: 'service' as const,
    status: 'approved' as const,
    agreedAmountCents: 50_000,
  };

  it('needs every included vendor approved and priced above zero', () => {
    expect(isReadyForPayment([venue, service])).toBe(true);
    expect(isReadyForPayment([venue, { ...service, status: 'pending' }])).toBe(false);
    expect(isReadyForPayment([venue, { ...service, status: 'countered' }])).toBe(false);
    expect(isReadyForPayment([venue, { ...service, agreedAmountCents: null }])).toBe(false);
    expect(isReadyForPayment([venue, { ...service, agreedAmountCents: 0 }])).toBe(false);
  });

  it('leaves a declined service vendor out, but never a declined venue', () => {
    expect(isReadyForPayment([venue, { ...service, status: 'declined' }])).toBe(true);
    expect(isReadyForPayment([{ ...venue, status: 'declined' }, service])).toBe(false);
    expect(isReadyForPayment([service])).toBe(false);
  });
});
