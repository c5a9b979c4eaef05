import { describe, expect, it } from 'vitest';
import { EVENT_STATUSES, formatLag } from './event-filters';

describe('payment event filters', () => {
  it('lists the five ledger statuses in order', () => {
    expect(EVENT_STATUSES).toEqual(['received', 'waiting', 'unrouted', 'processed', 'failed']);
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
