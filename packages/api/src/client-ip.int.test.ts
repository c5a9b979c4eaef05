// Audit rows record the client address as the sign-in limit resolves it: the socket
// peer (set by apps/web/server.mjs), or, behind a proxy listed in
// TRUSTED_PROXY_CIDRS, the client that proxy names. A spoofed X-Forwarded-For
// from anyone else is ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustedCidrs, SOCKET_IP_HEADER, type TrustedCidr } from '@souk/auth';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { appRouter } from './root';
import { seededCallers } from './test/harness';
import { createCallerFactory, createTRPCContext } from './trpc';

const createCaller = createCallerFactory(appRouter);

let testDb: TestDatabase;
let c: Awaited<ReturnType<typeof seededCallers>>;
let productId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  c = await seededCallers(testDb.db);
  productId = (await c.admin.catalog.listProducts({ search: 'instagram' })).items[0]!.id;
});
afterAll(async () => {
  await testDb?.drop();
});

/** Renames the product as the seeded admin, then returns the ip of that audit row. */
async function auditedIp(headers: Record<string, string>, trusted: TrustedCidr[]) {
  const requestId = crypto.randomUUID();
  const caller = createCaller(
    createTRPCContext({
      db: testDb.db,
      session: c.sessions.admin,
      headers: new Headers({ 'x-request-id': requestId, ...headers }),
      trustedProxyCidrs: trusted,
    }),
  );
  await caller.catalog.updateProduct({
    id: productId,
    name: `Instagram Growth ${requestId.slice(0, 6)}`,
  });
  const rows = await testDb.ownerDb.auditLog.findMany({
    where: { requestId, action: 'product.updated' },
  });
  expect(rows).toHaveLength(1);
  return rows[0]!.ip;
}

describe('audit rows record the resolved client IP', () => {
  it('records the socket address, not a spoofed X-Forwarded-For', async () => {
    expect(
      await auditedIp(
        { [SOCKET_IP_HEADER]: '::ffff:198.51.100.23', 'x-forwarded-for': '6.6.6.6' },
        [],
      ),
    ).toBe('198.51.100.23');
  });

  it('records the forwarded client when the socket is a trusted proxy', async () => {
    expect(
      await auditedIp(
        { [SOCKET_IP_HEADER]: '10.0.4.2', 'x-forwarded-for': '6.6.6.6, 203.0.113.77' },
        parseTrustedCidrs('10.0.0.0/8'),
      ),
    ).toBe('203.0.113.77');
  });

  it('records nothing rather than a guess when the socket is unknown', async () => {
    expect(await auditedIp({ 'x-forwarded-for': '6.6.6.6' }, parseTrustedCidrs('0.0.0.0/0'))).toBe(
      null,
    );
  });
});
