import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { checkDrift, isAtHead } from './migrate';
import { withOrg, withTenant } from './tenant';
import { createTestDatabase, type TestDatabase } from './testing';

let testDb: TestDatabase;
let owner: pg.Client;
let app: pg.Client;
let tenantTables: string[];
const orgA = crypto.randomUUID();
const orgB = crypto.randomUUID();

beforeAll(async () => {
  testDb = await createTestDatabase();
  owner = new pg.Client({ connectionString: testDb.ownerUrl });
  app = new pg.Client({ connectionString: testDb.appUrl });
  await Promise.all([owner.connect(), app.connect()]);
  const { rows } = await owner.query<{ table_name: string }>(
    `select table_name from information_schema.columns
     where table_schema = 'public' and column_name = 'orgId' order by table_name`,
  );
  tenantTables = rows.map((r) => r.table_name);

  // Two tenants' rows, written as the owner (a superuser bypasses RLS).
  await owner.query(
    `insert into organizations (id, slug, name, "updatedAt") values ($1, 'rls-a', 'A', now()), ($2, 'rls-b', 'B', now())`,
    [orgA, orgB],
  );
  for (const [org, slug] of [
    [orgA, 'shared-slug'],
    [orgB, 'shared-slug'],
  ] as const) {
    const product = crypto.randomUUID();
    await owner.query(
      `insert into products (id, "orgId", slug, name, "basePriceCents", currency, "updatedAt") values ($1, $2, $3, 'P', 100, 'USD', now())`,
      [product, org, slug],
    );
    await owner.query(
      `insert into product_add_ons (id, "orgId", "productId", label, "priceDeltaCents", position) values ($1, $2, $3, 'x', 1, 0)`,
      [crypto.randomUUID(), org, product],
    );
    await owner.query(
      `insert into audit_logs (id, "orgId", action, "entityType") values ($1, $2, 'test', 'test')`,
      [crypto.randomUUID(), org],
    );
  }
});

afterAll(async () => {
  await Promise.all([owner?.end(), app?.end()]);
  await testDb?.drop();
});

describe('row-level security', () => {
  it('is enabled, forced and has a policy on every table with an orgId column', async () => {
    expect(tenantTables.length).toBeGreaterThanOrEqual(8);
    const { rows } = await owner.query<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
      policies: number;
    }>(
      `select c.relname, c.relrowsecurity, c.relforcerowsecurity,
              (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relname = any($1)`,
      [tenantTables],
    );
    const unprotected = rows
      .filter((r) => !r.relrowsecurity || !r.relforcerowsecurity || r.policies === 0)
      .map((r) => r.relname);
    expect(unprotected).toEqual([]);
    expect(rows).toHaveLength(tenantTables.length);
  });

  it('the app role is neither superuser nor BYPASSRLS', async () => {
    const { rows } = await app.query<{ rolsuper: boolean; rolbypassrls: boolean; rolname: string }>(
      'select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    expect(rows[0]).toEqual({ rolname: 'souk_app', rolsuper: false, rolbypassrls: false });
  });

  it('a query with no org set sees no tenant rows in any tenant table', async () => {
    for (const table of tenantTables) {
      const { rows } = await app.query<{ n: number }>(
        `select count(*)::int as n from ${pg.escapeIdentifier(table)}`,
      );
      expect({ table, n: rows[0]?.n }).toEqual({ table, n: 0 });
    }
    // ...even though the owner sees them
    const { rows } = await owner.query<{ n: number }>('select count(*)::int as n from products');
    expect(rows[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it('with an org set, sees only that org’s rows, and the setting ends with the transaction', async () => {
    const seen = await withOrg(testDb.db, orgA, async (tx) => ({
      products: await tx.product.findMany({ select: { orgId: true } }),
      addOns: await tx.productAddOn.findMany({ select: { orgId: true } }),
      audit: await tx.auditLog.findMany({ select: { orgId: true } }),
    }));
    expect(seen.products).toEqual([{ orgId: orgA }]);
    expect(seen.addOns).toEqual([{ orgId: orgA }]);
    expect(seen.audit).toEqual([{ orgId: orgA }]);
    // Same pooled connections, no org: nothing again.
    expect(await testDb.db.product.count()).toBe(0);
    expect(await withTenant(testDb.db, {}, (tx) => tx.product.count())).toBe(0);
  });

  it('refuses to write a row for another org', async () => {
    const write = withOrg(testDb.db, orgA, (tx) =>
      tx.product.create({
        data: { orgId: orgB, slug: 'smuggled', name: 'x', basePriceCents: 1, currency: 'USD' },
      }),
    );
    await expect(write).rejects.toThrow(/row-level security/);
    const update = await withOrg(testDb.db, orgA, (tx) =>
      tx.product.updateMany({ where: { orgId: orgB }, data: { name: 'hijacked' } }),
    );
    expect(update.count).toBe(0);
  });

  it('rejects an org id that is not a UUID before it reaches SQL', async () => {
    await expect(withOrg(testDb.db, "x' or 1=1 --", (tx) => tx.product.count())).rejects.toThrow(
      'orgId must be a UUID',
    );
  });
});

describe('migrations', () => {
  it('are at head and match schema.prisma (no drift)', async () => {
    expect(await isAtHead(testDb.ownerUrl)).toEqual({ atHead: true, pending: [], failed: [] });
    const drift = await checkDrift(testDb.ownerUrl);
    expect(drift).toEqual({ drift: false, sql: expect.any(String) });
  });
});
