// Incident mode (spec 002): with ADMIN_READ_ONLY set, staff reads work and every
// change is refused with a clear message. Env is read at import, so set it first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';

process.env.ADMIN_READ_ONLY = 'true';
const { seededCallers } = await import('./test/harness');

let testDb: TestDatabase;
let c: Awaited<ReturnType<typeof seededCallers>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  c = await seededCallers(testDb.db);
});
afterAll(async () => {
  await testDb?.drop();
});

describe('admin read-only mode', () => {
  it('keeps reads working and refuses changes with CONFLICT, writing nothing', async () => {
    const list = await c.admin.catalog.list({ search: 'instagram' });
    expect(list.total).toBe(1);
    const id = list.items[0]!.id;
    await expect(
      c.admin.catalog.update({ id, name: 'Changed during incident' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Admin is in read-only mode: changes are paused during an incident',
    });
    expect((await c.admin.catalog.getById({ id })).name).toBe('Instagram Growth');
    const audit = await c.admin.audit.list({ action: 'product.update' });
    expect(audit.total).toBe(0);
  });
});
