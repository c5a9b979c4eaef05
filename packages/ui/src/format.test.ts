import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatStatus, statusOptions, statusTone } from './format';

describe('formatDate / formatDateTime', () => {
  it('prints the same characters whatever the reader’s zone: UTC, and says so', () => {
    const at = new Date('2027-03-04T23:30:00Z');
    expect(formatDate(at)).toBe('Mar 4, 2027');
    expect(formatDateTime(at)).toBe('Mar 4, 2027, 23:30 UTC');
  });

  it('keeps a calendar day stored as midnight UTC on its day', () => {
    expect(formatDate(new Date('2027-01-01T00:00:00Z'))).toBe('Jan 1, 2027');
  });

  it('reads strings and shows a dash (or the given text) for no date', () => {
    expect(formatDateTime('2027-03-04T09:05:00.000Z')).toBe('Mar 4, 2027, 09:05 UTC');
    expect(formatDate(null)).toBe('—');
    expect(formatDate(undefined, 'Not set')).toBe('Not set');
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('formatStatus', () => {
  it('reads stored values as words', () => {
    expect(formatStatus('awaiting_vendor_approval')).toBe('Awaiting vendor approval');
    expect(formatStatus('pending_payment')).toBe('Awaiting payment');
    expect(formatStatus('dead')).toBe('Dead letter');
    expect(formatStatus('resolved_released')).toBe('Resolved, payouts released');
  });

  it('spells out a value it does not know instead of printing snake_case', () => {
    expect(formatStatus('on_hold')).toBe('On hold');
    expect(statusTone('on_hold')).toBe('neutral');
  });

  it('does not treat object properties as statuses', () => {
    expect(formatStatus('constructor')).toBe('Constructor');
    expect(formatStatus('toString')).toBe('ToString');
  });

  it('gives a filter its options in words', () => {
    expect(statusOptions(['pending', 'dead'] as const)).toEqual([
      { value: 'pending', label: 'Pending' },
      { value: 'dead', label: 'Dead letter' },
    ]);
  });
});
