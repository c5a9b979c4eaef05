import { describe, expect, it } from 'vitest';
import * as db from '@souk/db';
import { STATUS_WORDS } from '@souk/ui';

// Every status the database can hold has words in the ui kit's one table. The enums are
// found by name, so a new `…Status` enum is checked without editing this test.
const STATUS_ENUMS = Object.entries(db).filter(([name]) => name.endsWith('Status')) as [
  string,
  Record<string, string>,
][];

describe('STATUS_WORDS', () => {
  it('finds the status enums', () => {
    expect(STATUS_ENUMS.map(([name]) => name)).toContain('BookingStatus');
  });

  it.each(STATUS_ENUMS)('has words for every %s value', (_name, values) => {
    const missing = Object.values(values).filter((value) => !Object.hasOwn(STATUS_WORDS, value));
    expect(missing).toEqual([]);
  });
});
