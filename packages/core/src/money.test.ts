import { describe, expect, it } from 'vitest';
import { centsToDecimalString, divideRounded, formatMoney, parseMoney } from './money';

describe('money', () => {
  it('formats cents exactly', () => {
    expect(formatMoney(4900, 'USD')).toBe('$49.00');
    expect(formatMoney(-1205, 'USD')).toBe('-$12.05');
    expect(formatMoney(5, 'EUR', 'en-US')).toBe('€0.05');
    expect(formatMoney(1200, 'JPY')).toBe('¥1,200');
    expect(centsToDecimalString(900719925474099, 'USD')).toBe('9007199254740.99');
  });

  it('parses typed amounts into cents without floats', () => {
    expect(parseMoney('49', 'USD')).toBe(4900);
    expect(parseMoney('49.5', 'USD')).toBe(4950);
    expect(parseMoney('0.29', 'USD')).toBe(29); // 0.29 * 100 in floats is 28.999…
    expect(parseMoney('-1,200.00', 'USD')).toBe(-120000);
    expect(parseMoney('.5', 'USD')).toBe(50);
    expect(parseMoney('1.234', 'USD')).toBeNull();
    expect(parseMoney('abc', 'USD')).toBeNull();
    expect(parseMoney('', 'USD')).toBeNull();
    expect(parseMoney('1200', 'JPY')).toBe(1200);
    expect(parseMoney('12.5', 'JPY')).toBeNull();
  });

  it('uses the processor’s minor units: PYG has none, ISK is sent in hundredths', () => {
    expect(parseMoney('15000', 'PYG')).toBe(15000);
    expect(formatMoney(15000, 'PYG')).toBe('PYG\u00a015,000');
    expect(parseMoney('1200', 'ISK')).toBe(120000);
    expect(formatMoney(120000, 'ISK')).toBe('ISK\u00a01,200');
  });

  it('rounds half away from zero', () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(4, 3)).toBe(1);
    expect(divideRounded(-4, 3)).toBe(-1);
    expect(() => divideRounded(1, 0)).toThrow();
  });
});
