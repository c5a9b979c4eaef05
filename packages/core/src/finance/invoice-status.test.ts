import { describe, expect, it } from 'vitest';
import { daysOverdue, reconciledStatus, type InvoiceFunds } from './invoice-status';

const now = new Date('2026-12-07T12:00:00Z');
const DAY = 86_400_000;
const funds = (over: Partial<InvoiceFunds>): InvoiceFunds => ({
  status: 'open',
  totalCents: 10_000,
  paidCents: 0,
  refundedCents: 0,
  dueAt: null,
  ...over,
});

describe('reconciledStatus', () => {
  it('marks an invoice paid when settled funds cover the total, whatever it said', () => {
    for (const status of ['open', 'partial', 'overdue', 'paid'] as const) {
      expect(reconciledStatus(funds({ status, paidCents: 10_000 }), now)).toBe('paid');
    }
    expect(reconciledStatus(funds({ paidCents: 12_000 }), now)).toBe('paid');
  });

  it('says partly paid for some funds before the due date, overdue after it', () => {
    const before = new Date(now.getTime() + 2 * DAY);
    const after = new Date(now.getTime() - 2 * DAY);
    expect(reconciledStatus(funds({ paidCents: 4_000, dueAt: before }), now)).toBe('partial');
    expect(reconciledStatus(funds({ paidCents: 4_000 }), now)).toBe('partial');
    expect(reconciledStatus(funds({ paidCents: 4_000, dueAt: after }), now)).toBe('overdue');
  });

  it('reopens a paid invoice without settled funds: open before its due date, overdue after', () => {
    const paid = { status: 'paid' as const };
    expect(reconciledStatus(funds({ ...paid }), now)).toBe('open');
    expect(
      reconciledStatus(funds({ ...paid, dueAt: new Date(now.getTime() + 2 * DAY) }), now),
    ).toBe('open');
    expect(
      reconciledStatus(funds({ ...paid, dueAt: new Date(now.getTime() - 2 * DAY) }), now),
    ).toBe('overdue');
  });

  it('keeps refunded, free and void invoices as they are', () => {
    expect(reconciledStatus(funds({ paidCents: 10_000, refundedCents: 10_000 }), now)).toBe(
      'refunded',
    );
    expect(reconciledStatus(funds({ status: 'paid', totalCents: 0 }), now)).toBe('paid');
    expect(reconciledStatus(funds({ status: 'open', totalCents: 0 }), now)).toBe('open');
    expect(reconciledStatus(funds({ status: 'void', paidCents: 10_000 }), now)).toBeNull();
  });
});

describe('daysOverdue', () => {
  it('counts whole days past the due date', () => {
    expect(daysOverdue(null, now)).toBe(0);
    expect(daysOverdue(new Date(now.getTime() + 2 * DAY), now)).toBe(0);
    expect(daysOverdue(new Date(now.getTime() - 2 * DAY - 60_000), now)).toBe(2);
  });
});
