import { describe, expect, it } from 'vitest';
import { customFieldInput } from './schemas';

function patternErrors(pattern: string): string[] {
  const parsed = customFieldInput.safeParse({ label: 'Code', fieldType: 'text', pattern });
  if (parsed.success) return [];
  return parsed.error.issues.filter((i) => i.path.join('.') === 'pattern').map((i) => i.message);
}

describe('custom-field pattern at save', () => {
  it('accepts patterns RE2 can run in linear time, including nested quantifiers', () => {
    expect(patternErrors('@?[A-Za-z0-9._]{1,30}')).toEqual([]);
    expect(patternErrors('(a+)+$')).toEqual([]);
  });

  it('refuses back-references and lookarounds in words, on the pattern field', () => {
    expect(patternErrors('(a)\\1')).toEqual([
      'Back-references (\\1, \\2, …) are not supported; describe the format without them',
    ]);
    expect(patternErrors('(?=a)b')).toEqual([
      'Lookaheads and lookbehinds ((?=…), (?!…), (?<=…)) are not supported',
    ]);
    expect(patternErrors('(?<=a)b')).toEqual([
      'Lookaheads and lookbehinds ((?=…), (?!…), (?<=…)) are not supported',
    ]);
    expect(patternErrors('[')).toEqual([
      'Not a valid pattern (use RE2 syntax: no back-references or lookarounds)',
    ]);
  });
});
