import { describe, expect, it } from 'vitest';
import { changeText, formatBps } from './change';

describe('changeText', () => {
  it('says which way a figure moved and by how much', () => {
    expect(changeText(112, 100)).toBe('up 12%');
    expect(changeText(97, 100)).toBe('down 3%');
    expect(changeText(100, 100)).toBe('no change');
    expect(changeText(5, 0)).toBe('up from none');
    expect(changeText(null, 10)).toBe('no comparison');
  });
});

describe('formatBps', () => {
  it('shows basis points as a percentage', () => {
    expect(formatBps(5714)).toBe('57.14%');
    expect(formatBps(10_000)).toBe('100.00%');
    expect(formatBps(5)).toBe('0.05%');
    expect(formatBps(null)).toBe('—');
  });
});
