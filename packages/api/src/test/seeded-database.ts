// Test-only: a test file's own seeded database and callers acting as the demo users.
import { beforeAll } from 'vitest';
import { testDatabaseForFile, type TestDatabase } from '@souk/db/testing';
import { seededCallers, type SeededCallers } from './harness';

/**
 * The calling test file's own database, seeded, and callers for the demo users: filled in
 * before its tests, the database dropped after them (see testDatabaseForFile).
 */
export function seededDatabaseForFile(): { testDb: TestDatabase; c: SeededCallers } {
  const testDb = testDatabaseForFile();
  const c = {} as SeededCallers;
  beforeAll(async () => {
    Object.assign(c, await seededCallers(testDb.db));
  });
  return { testDb, c };
}
