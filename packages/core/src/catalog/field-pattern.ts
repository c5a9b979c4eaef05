// Custom-field patterns are written by an org admin and run on shoppers' input in
// the shared checkout process. A backtracking engine (`RegExp`) lets a pattern
// like `(a+)+$` stall the event loop for every tenant, so patterns are compiled
// and run with RE2 (linear time), and never with `RegExp`. Pure JS, browser-safe.
import { RE2JS } from 're2js';

/** Longest input a pattern is ever run on when the field sets no maximum length. */
export const PATTERN_INPUT_MAX = 1000;

const cache = new Map<string, RE2JS | null>();
const CACHE_MAX = 500;

function describeSyntaxError(message: string): string {
  if (/invalid escape sequence: `\\[1-9]/.test(message)) {
    return 'Back-references (\\1, \\2, …) are not supported; describe the format without them';
  }
  if (/\(\?[=!<]/.test(message) || /invalid named capture: `\(\?<[=!]/.test(message)) {
    return 'Lookaheads and lookbehinds ((?=…), (?!…), (?<=…)) are not supported';
  }
  if (/invalid repeat count/.test(message)) {
    return 'Repeat counts ({n,m}) can be at most 1000';
  }
  return 'Not a valid pattern (use RE2 syntax: no back-references or lookarounds)';
}

/** null when RE2 accepts the pattern; otherwise a message in words for the admin. */
export function fieldPatternProblem(pattern: string): string | null {
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (error) {
    return describeSyntaxError(error instanceof Error ? error.message : String(error));
  }
}

function compiled(pattern: string): RE2JS | null {
  if (cache.has(pattern)) return cache.get(pattern) ?? null;
  let re: RE2JS | null;
  try {
    re = RE2JS.compile(pattern);
  } catch {
    re = null;
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(pattern, re);
  return re;
}

/**
 * Whole-value match in linear time. A stored pattern RE2 cannot compile (saved
 * before patterns were checked at save) returns null: it must not block the customer.
 */
export function matchesFieldPattern(pattern: string, value: string): boolean | null {
  const re = compiled(pattern);
  return re ? re.testExact(value) : null;
}
