import { describe, expect, it } from 'vitest';
import { csvCell, money, neutraliseText } from './csv-cell';

describe('neutraliseText', () => {
  it.each([
    ['=HYPERLINK("http://evil.test","x")', `'=HYPERLINK("http://evil.test","x")`],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['\u0000=1', "'=1"],
    ['a\u0000b', 'ab'],
    ['plain text', 'plain text'],
    ['1+1', '1+1'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(neutraliseText(input)).toBe(expected);
  });
});

describe('csvCell', () => {
  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(42)).toBe('42');
  });

  it('writes dates in ISO 8601 UTC and nothing as an empty cell', () => {
    expect(csvCell(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe('2026-01-02T03:04:05.006Z');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it.each([
    [1234, 'USD', '12.34'],
    [-1234, 'USD', '-12.34'],
    [0, 'USD', '0.00'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [2_147_483_647, 'USD', '21474836.47'],
    [1234, 'JPY', '1234'],
  ])('money %i %s -> %s', (cents, currency, expected) => {
    expect(csvCell(money(cents, currency))).toBe(expected);
  });

  it('leaves a missing amount empty', () => {
    expect(csvCell(money(null, 'USD'))).toBe('');
  });
});
