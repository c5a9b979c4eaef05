import { describe, expect, it } from 'vitest';
import type { BookingStatus } from '@souk/db';
import {
  BOOKING_STATUSES,
  bookingStatusLabel,
  canTransition,
  completionBlockedReason,
  earliestEventDate,
  isEventDateInPast,
  isReadyForPayment,
} from './booking-status';

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

describe('event dates against "today"', () => {
  const noonUtc = new Date('2027-03-10T12:00:00Z');
  it('refuses days that are over everywhere and keeps today and later', () => {
    expect(isEventDateInPast('2027-03-07', noonUtc)).toBe(true);
    expect(isEventDateInPast('2027-03-10', noonUtc)).toBe(false);
    expect(isEventDateInPast('2027-03-13', noonUtc)).toBe(false);
    expect(isEventDateInPast(new Date('2027-03-07T00:00:00Z'), noonUtc)).toBe(true);
  });
  it('takes today where the day ends last (UTC-12), whatever the server clock hour', () => {
    // 05:00 UTC is still the evening before at UTC-12: that evening's event is not past.
    expect(earliestEventDate(new Date('2027-03-10T05:00:00Z'))).toBe('2027-03-09');
    expect(earliestEventDate(new Date('2027-03-10T13:00:00Z'))).toBe('2027-03-10');
  });
  it('opens completion on the event day, saying when before that', () => {
    const event = new Date('2027-06-12T00:00:00Z');
    expect(completionBlockedReason(event, new Date('2027-03-10T12:00:00Z'))).toMatch(
      /^The event is on Jun 12, 2027: you can mark it completed from that day \(in 94 days\)$/,
    );
    expect(completionBlockedReason(event, new Date('2027-06-15T12:00:00Z'))).toBeNull();
    expect(completionBlockedReason(null, new Date('2027-03-10T12:00:00Z'))).toBeNull();
  });
});

describe('booking status words', () => {
  it('tells a deposit from a payment in full', () => {
    expect(
      bookingStatusLabel({ status: 'paid', totalCents: 210_000, amountPaidCents: 63_000 }),
    ).toBe('Deposit paid');
    expect(
      bookingStatusLabel({ status: 'paid', totalCents: 210_000, amountPaidCents: 210_000 }),
    ).toBe('Paid in full');
    expect(
      bookingStatusLabel({ status: 'awaiting_vendor_approval', totalCents: 0, amountPaidCents: 0 }),
    ).toBe('Awaiting vendor approval');
    expect(
      bookingStatusLabel({ status: 'completed', totalCents: 210_000, amountPaidCents: 63_000 }),
    ).toBe('Completed');
  });
});
