// Test-only helpers: tRPC callers acting as the seeded demo users on a real database.
import { withTenant, type Db } from '@souk/db';
import { seedDatabase } from '@souk/db/seed';
import type { SoukSession } from '@souk/auth';
import type { StorefrontCache } from '@souk/core';
import type { PaymentGateway } from '@souk/payments';
import { appRouter } from '../root';
import { createCallerFactory, createTRPCContext } from '../trpc';

const createCaller = createCallerFactory(appRouter);

export async function sessionFor(db: Db, email: string): Promise<SoukSession> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const membership = await withTenant(db, { userId: user.id }, (tx) =>
    tx.membership.findFirstOrThrow({ where: { userId: user.id }, include: { org: true } }),
  );
  return {
    user: { id: user.id, email: user.email, name: user.name },
    orgId: membership.orgId,
    orgSlug: membership.org.slug,
    orgName: membership.org.name,
    role: membership.role,
    sid: crypto.randomUUID(),
  };
}

export function callerAs(
  db: Db,
  session: SoukSession | null,
  requestId: string = crypto.randomUUID(),
  extra: { apiKey?: string; gateway?: PaymentGateway; storefrontCache?: StorefrontCache } = {},
) {
  const headers = new Headers({ 'x-request-id': requestId });
  if (extra.apiKey) headers.set('x-api-key', extra.apiKey);
  const { gateway, storefrontCache } = extra;
  return createCaller(createTRPCContext({ db, session, headers, gateway, storefrontCache }));
}

export type Caller = ReturnType<typeof callerAs>;

export async function seededCallers(db: Db) {
  await seedDatabase(db);
  const [admin, viewer, acmeAdmin, customer] = await Promise.all(
    ['admin@souk.test', 'viewer@souk.test', 'admin@acme.test', 'customer@souk.test'].map((e) =>
      sessionFor(db, e),
    ),
  );
  return {
    sessions: { admin: admin!, viewer: viewer!, acmeAdmin: acmeAdmin!, customer: customer! },
    admin: callerAs(db, admin!),
    viewer: callerAs(db, viewer!),
    acmeAdmin: callerAs(db, acmeAdmin!),
    customer: callerAs(db, customer!),
    anonymous: callerAs(db, null),
  };
}

export type SeededCallers = Awaited<ReturnType<typeof seededCallers>>;
