import { describe, expect, it } from 'vitest';
import { redactContactInfo } from './redact';

describe('redactContactInfo', () => {
  it.each([
    ['mail me at jane.doe+events@example.co.uk today', 'mail me at [redacted email] today'],
    ['JANE@EXAMPLE.COM', '[redacted email]'],
    ['jane (at) example (dot) com', '[redacted email]'],
    ['call +1 (415) 555-0199 now', 'call [redacted phone] now'],
    ['text 07700 900123', 'text [redacted phone]'],
    ['whatsapp +44.20.7946.0958', 'whatsapp [redacted phone]'],
  ])('%s', (input, expected) => {
    expect(redactContactInfo(input)).toBe(expected);
  });

  it('keeps ordinary numbers: guests, prices, dates', () => {
    const text = 'We are 120 guests on 2026-12-31, budget $4,500, room 12';
    expect(redactContactInfo(text)).toBe(text);
  });
});
