// What a browser sees over HTTP: the error shape the admin form relies on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import type { SoukSession } from '@souk/auth';
import { appRouter } from './root';
import { createTRPCContext } from './trpc';
import { seededCallers } from './test/harness';

let testDb: TestDatabase;
let admin: SoukSession;

beforeAll(async () => {
  testDb = await createTestDatabase();
  admin = (await seededCallers(testDb.db)).sessions.admin;
});
afterAll(async () => {
  await testDb?.drop();
});

async function post(path: string, input: unknown, session: SoukSession | null) {
  const req = new Request(`http://localhost/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'req-http-1' },
    body: JSON.stringify(superjson.serialize(input)),
  });
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers, session, db: testDb.db }),
  });
  const json = (await res.json()) as { error?: Parameters<typeof superjson.deserialize>[0] };
  const error = json.error
    ? superjson.deserialize<{ message: string; data: Record<string, unknown> }>(json.error)
    : undefined;
  return { status: res.status, body: { error } };
}

describe('tRPC over HTTP', () => {
  it('answers 400 with field errors named by input path', async () => {
    const { status, body } = await post(
      'catalog.createProduct',
      { slug: 'Bad Slug!', name: '', basePriceCents: 12.5, currency: 'USD' },
      admin,
    );
    expect(status).toBe(400);
    expect(body.error?.data.fieldErrors).toMatchObject({
      slug: ['Slug can only use lowercase letters, numbers and single dashes'],
      name: ['Name is required'],
      basePriceCents: ['Base price must be a whole number of cents'],
    });
    // In words, never an input path: the first error and how many more.
    expect(body.error?.message).toBe(
      'Slug can only use lowercase letters, numbers and single dashes (and 2 more)',
    );
  });

  it('answers 401 when signed out and 403 for a role without the permission', async () => {
    expect((await post('catalog.createProduct', {}, null)).status).toBe(401);
    const viewer = { ...admin, role: 'VIEWER' as const };
    const forbidden = await post('catalog.archiveProduct', { id: crypto.randomUUID() }, viewer);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error?.message).toContain('catalog.write');
  });

  it('answers 404 for another org’s or a missing product without leaking details', async () => {
    const { status, body } = await post(
      'catalog.archiveProduct',
      { id: crypto.randomUUID() },
      admin,
    );
    expect(status).toBe(404);
    expect(body.error?.message).toBe('Product not found');
  });
});
