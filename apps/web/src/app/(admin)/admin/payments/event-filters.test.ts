import { describe, expect, it } from 'vitest';
import { EVENT_STATUSES, emptyFilterDraft, formatLag, parseFilterDraft } from './event-filters';

const INVOICE = '0b9a3c1e-5d2f-4a6b-9c8d-7e6f5a4b3c2d';

describe('payment event filters', () => {
  it('lists the five ledger statuses in order', () => {
    expect(EVENT_STATUSES).toEqual(['received', 'waiting', 'unrouted', 'processed', 'failed']);
  });

  it('turns blank fields into no filter and trims the rest', () => {
    expect(parseFilterDraft(emptyFilterDraft)).toEqual({
      ok: true,
      filters: { type: undefined, invoiceId: undefined, bookingId: undefined },
    });
    expect(
      parseFilterDraft({ type: ' charge.refunded ', invoiceId: ` ${INVOICE} `, bookingId: '' }),
    ).toEqual({
      ok: true,
      filters: { type: 'charge.refunded', invoiceId: INVOICE, bookingId: undefined },
    });
  });

  it('names each malformed id in words instead of querying', () => {
    const result = parseFilterDraft({ type: '', invoiceId: 'INV-0042', bookingId: '12' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.invoiceId).toMatch(/^Not an invoice id/);
    expect(result.errors.bookingId).toMatch(/^Not a booking id/);
    expect(
      parseFilterDraft({ type: '', invoiceId: INVOICE, bookingId: `${INVOICE}x` }),
    ).toMatchObject({
      ok: false,
      errors: { bookingId: expect.stringMatching(/booking/) as string },
    });
  });

  it('formats lag for people', () => {
    expect(formatLag(null)).toBe('—');
    expect(formatLag(120)).toBe('120 ms');
    expect(formatLag(999.6)).toBe('1.0 s');
    expect(formatLag(59_990)).toBe('1 min');
    expect(formatLag(4_200)).toBe('4.2 s');
    expect(formatLag(180_000)).toBe('3 min');
    expect(formatLag(5_400_000)).toBe('1.5 h');
  });
});
