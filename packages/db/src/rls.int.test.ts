import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ensureAppRole } from './bootstrap';
import { dbEnv } from './env';
import { checkDrift, isAtHead, migrationNames } from './migrate';
import { withOrg, withTenant } from './tenant';
import { createTestDatabase, type TestDatabase } from './testing';

let testDb: TestDatabase;
let owner: pg.Client;
let app: pg.Client;
let tenantTables: string[];
const orgA = crypto.randomUUID();
const orgB = crypto.randomUUID();
const userU = crypto.randomUUID(); // member of A and B
const userV = crypto.randomUUID(); // member of B only
const id = () => crypto.randomUUID();

/** Rows for one org in every tenant table, written as the owner (a superuser bypasses RLS). */
async function insertTenantRows(org: string, members: string[]): Promise<void> {
  const product = id();
  const group = id();
  const rows: [string, Record<string, unknown>][] = [
    ...members.map((userId): [string, Record<string, unknown>] => [
      'memberships',
      { id: id(), orgId: org, userId, role: 'VIEWER', updatedAt: new Date() },
    ]),
    ['audit_logs', { id: id(), orgId: org, action: 'test', entityType: 'test' }],
    [
      'products',
      {
        id: product,
        orgId: org,
        slug: 'shared-slug',
        name: 'P',
        basePriceCents: 100,
        currency: 'USD',
        updatedAt: new Date(),
      },
    ],
    [
      'product_option_groups',
      {
        id: group,
        orgId: org,
        productId: product,
        name: 'g',
        selectionType: 'single',
        position: 0,
      },
    ],
    ['product_options', { id: id(), orgId: org, groupId: group, label: 'o', position: 0 }],
    [
      'product_add_ons',
      { id: id(), orgId: org, productId: product, label: 'a', priceDeltaCents: 1, position: 0 },
    ],
    [
      'product_custom_fields',
      { id: id(), orgId: org, productId: product, label: 'f', fieldType: 'text', position: 0 },
    ],
    [
      'product_subscription_plans',
      {
        id: id(),
        orgId: org,
        productId: product,
        label: 's',
        billingCycle: 'monthly',
        position: 0,
      },
    ],
  ];
  for (const [table, row] of rows) {
    const columns = Object.keys(row).map((c) => pg.escapeIdentifier(c));
    await owner.query(
      `insert into ${pg.escapeIdentifier(table)} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      Object.values(row),
    );
  }
}

/** Runs fn as souk_app inside a transaction with the given RLS settings, then rolls back. */
async function asApp<T>(
  scope: { orgId?: string; userId?: string },
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  await app.query('begin');
  try {
    await app.query(
      `select set_config('app.current_org_id', $1, true), set_config('app.current_user_id', $2, true)`,
      [scope.orgId ?? '', scope.userId ?? ''],
    );
    return await fn(app);
  } finally {
    await app.query('rollback');
  }
}

const count = async (client: pg.Client, sql: string, params: unknown[] = []): Promise<number> =>
  Number((await client.query<{ n: string }>(sql, params)).rows[0]?.n);

beforeAll(async () => {
  testDb = await createTestDatabase();
  owner = new pg.Client({ connectionString: testDb.ownerUrl });
  app = new pg.Client({ connectionString: testDb.appUrl });
  await Promise.all([owner.connect(), app.connect()]);
  const { rows } = await owner.query<{ table_name: string }>(
    `select c.table_name from information_schema.columns c
       join information_schema.tables t using (table_schema, table_name)
     where c.table_schema = 'public' and c.column_name = 'orgId' and t.table_type = 'BASE TABLE'
     order by 1`,
  );
  tenantTables = rows.map((r) => r.table_name);

  await owner.query(
    `insert into organizations (id, slug, name, "updatedAt") values ($1, 'rls-a', 'A', now()), ($2, 'rls-b', 'B', now())`,
    [orgA, orgB],
  );
  await owner.query(
    `insert into users (id, email, "updatedAt") values ($1, 'u@rls.test', now()), ($2, 'v@rls.test', now())`,
    [userU, userV],
  );
  await insertTenantRows(orgA, [userU]);
  await insertTenantRows(orgB, [userU, userV]);
});

afterAll(async () => {
  await Promise.all([owner?.end(), app?.end()]);
  await testDb?.drop();
});

describe('row-level security', () => {
  it('is enabled, forced and has a policy on every table with an orgId column', async () => {
    expect(tenantTables.length).toBeGreaterThanOrEqual(8);
    expect(tenantTables).toEqual(expect.arrayContaining(['memberships', 'products']));
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

  it('every permissive policy is the org check (memberships: plus reading one’s own rows; the payment ledger and object index: plus the payments router)', async () => {
    // Postgres' own rendering of the expressions, so the comparison ignores formatting.
    await owner.query('begin');
    const canonical = await owner.query<{ policyname: string; qual: string }>(
      `create temp table rls_probe ("orgId" uuid, "userId" uuid);
       create policy org on rls_probe using ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);
       create policy own on rls_probe using ("userId" = NULLIF(current_setting('app.current_user_id', true), '')::uuid);
       select policyname, qual from pg_policies where tablename = 'rls_probe';`,
    );
    await owner.query('rollback');
    const expr = (name: string) =>
      (canonical as unknown as pg.QueryResult[])[3]!.rows.find((r) => r.policyname === name)!
        .qual as string;

    const { rows } = await owner.query<{
      tablename: string;
      policyname: string;
      cmd: string;
      qual: string | null;
      with_check: string | null;
      roles: string;
    }>(
      `select tablename, policyname, cmd, qual, with_check, array_to_string(roles, ',') as roles
       from pg_policies
       where schemaname = 'public' and permissive = 'PERMISSIVE' and tablename = any($1)
       order by tablename, policyname`,
      [tenantTables],
    );
    const expected = tenantTables.flatMap((table) => [
      {
        tablename: table,
        policyname: 'org_isolation',
        cmd: 'ALL',
        qual: expr('org'),
        with_check: expr('org'),
        roles: 'public',
      },
      ...(table === 'memberships'
        ? [
            {
              tablename: table,
              policyname: 'own_memberships_read',
              cmd: 'SELECT',
              qual: expr('own'),
              with_check: null,
              roles: 'public',
            },
          ]
        : []),
      // Webhook ingest and routing run before an org is known, on their own connections as
      // the NOLOGIN role souk_payments_router; the policy is for that role only.
      ...(table === 'processor_events' || table === 'processor_objects'
        ? [
            {
              tablename: table,
              policyname: 'payments_router',
              cmd: 'ALL',
              qual: 'true',
              with_check: 'true',
              roles: 'souk_payments_router',
            },
          ]
        : []),
    ]);
    expect(rows).toEqual(expected);
  });

  it('the payments router sees the ledger across orgs; the app role, though granted it, does not', async () => {
    const [a, b] = (
      await owner.query<{ id: string }>(
        `select id from organizations where slug in ('rls-a', 'rls-b') order by slug`,
      )
    ).rows.map((r) => r.id);
    await owner.query(
      `insert into processor_events (id, "orgId", "eventId", type, payload, "eventCreatedAt")
       values (gen_random_uuid(), $1, 'evt_rls_a', 't', '{}', now()), (gen_random_uuid(), $2, 'evt_rls_b', 't', '{}', now()),
              (gen_random_uuid(), null, 'evt_rls_none', 't', '{}', now())`,
      [a, b],
    );
    const sql = `select count(*) as n from processor_events where starts_with("eventId", 'evt_rls_')`;
    expect(await count(app, sql)).toBe(0);
    const router = new pg.Client({
      connectionString: testDb.appUrl,
      options: '-c role=souk_payments_router',
    });
    await router.connect();
    try {
      expect(await count(router, sql)).toBe(3);
      // Nothing else: the role has no grant on other tables.
      await expect(router.query('select count(*) from products')).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await router.end();
    }
    await app.query('begin');
    await app.query(`select set_config('app.current_org_id', $1, true)`, [a]);
    expect(await count(app, sql)).toBe(1);
    await app.query('rollback');
    await owner.query(`delete from processor_events where starts_with("eventId", 'evt_rls_')`);
  });

  it('the app role is neither superuser nor BYPASSRLS', async () => {
    const { rows } = await app.query<{ rolsuper: boolean; rolbypassrls: boolean; rolname: string }>(
      'select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    expect(rows[0]).toEqual({ rolname: 'souk_app', rolsuper: false, rolbypassrls: false });
  });

  it('a query with no org set sees no rows in any tenant table, though the owner does', async () => {
    for (const table of tenantTables) {
      const sql = `select count(*) as n from ${pg.escapeIdentifier(table)}`;
      expect({ table, app: await count(app, sql) }).toEqual({ table, app: 0 });
    }
    for (const table of ['memberships', 'audit_logs', 'products', 'product_options']) {
      expect(await count(owner, `select count(*) as n from ${table}`)).toBeGreaterThanOrEqual(2);
    }
  });

  it('with org A set, every tenant table shows exactly A’s rows', async () => {
    for (const table of tenantTables) {
      const t = pg.escapeIdentifier(table);
      const ownerCount = await count(owner, `select count(*) as n from ${t} where "orgId" = $1`, [
        orgA,
      ]);
      const seen = await asApp({ orgId: orgA }, async (client) => ({
        mine: await count(client, `select count(*) as n from ${t} where "orgId" = $1`, [orgA]),
        others: await count(client, `select count(*) as n from ${t} where "orgId" <> $1`, [orgA]),
      }));
      expect({ table, ...seen }).toEqual({ table, mine: ownerCount, others: 0 });
    }
    // set_config(..., true) ended with the transaction: the same connection sees nothing again.
    expect(await count(app, 'select count(*) as n from products')).toBe(0);
  });

  it('through Prisma: withOrg sees only its org, and nothing leaks to the next use of the pool', async () => {
    const seen = await withOrg(testDb.db, orgA, async (tx) => ({
      products: await tx.product.findMany({ select: { orgId: true } }),
      addOns: await tx.productAddOn.findMany({ select: { orgId: true } }),
      audit: await tx.auditLog.findMany({ select: { orgId: true } }),
    }));
    expect(seen.products).toEqual([{ orgId: orgA }]);
    expect(seen.addOns).toEqual([{ orgId: orgA }]);
    expect(seen.audit).toEqual([{ orgId: orgA }]);
    expect(await testDb.db.product.count()).toBe(0);
    expect(await withTenant(testDb.db, {}, (tx) => tx.product.count())).toBe(0);
  });

  it('refuses to write a row for another org, or for no org', async () => {
    const smuggle = withOrg(testDb.db, orgA, (tx) =>
      tx.product.create({
        data: { orgId: orgB, slug: 'smuggled', name: 'x', basePriceCents: 1, currency: 'USD' },
      }),
    );
    await expect(smuggle).rejects.toThrow(/row-level security/);
    await expect(
      asApp({}, (client) =>
        client.query(
          `insert into audit_logs (id, "orgId", action, "entityType") values ($1, $2, 'x', 'x')`,
          [id(), orgA],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const hijack = await withOrg(testDb.db, orgA, (tx) =>
      tx.product.updateMany({ where: { orgId: orgB }, data: { name: 'hijacked' } }),
    );
    expect(hijack.count).toBe(0);
    await expect(
      asApp({ orgId: orgA }, (client) =>
        client.query(`update products set "orgId" = $1 where "orgId" = $2`, [orgB, orgA]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('rejects an org id that is not a UUID before it reaches SQL', async () => {
    await expect(withOrg(testDb.db, "x' or 1=1 --", (tx) => tx.product.count())).rejects.toThrow(
      'orgId must be a UUID',
    );
  });
});

describe('memberships', () => {
  const orgsOf = (rows: { orgId: string }[]) => rows.map((r) => r.orgId).sort();

  it('a user reads their own memberships in every org with no org set, and nobody else’s', async () => {
    const own = await asApp(
      { userId: userU },
      async (c) =>
        (
          await c.query<{ orgId: string; userId: string }>(
            `select "orgId", "userId" from memberships`,
          )
        ).rows,
    );
    expect(orgsOf(own)).toEqual([orgA, orgB].sort());
    expect(new Set(own.map((r) => r.userId))).toEqual(new Set([userU]));
    expect(
      await asApp({ userId: id() }, (c) => count(c, 'select count(*) as n from memberships')),
    ).toBe(0);
  });

  it('in org A a user sees A’s members and their own rows, not B’s other members', async () => {
    const rows = await asApp(
      { orgId: orgA, userId: userU },
      async (c) =>
        (
          await c.query<{ orgId: string; userId: string }>(
            `select "orgId", "userId" from memberships`,
          )
        ).rows,
    );
    expect(
      rows.map((r) => `${r.orgId === orgA ? 'A' : 'B'}:${r.userId === userU ? 'U' : 'V'}`).sort(),
    ).toEqual(['A:U', 'B:U']);
  });

  it('own rows in other orgs are read-only: no delete, update or insert across orgs', async () => {
    const deleted = await asApp(
      { orgId: orgA, userId: userU },
      async (c) =>
        (
          await c.query<{ orgId: string }>(
            `delete from memberships where "userId" = $1 returning "orgId"`,
            [userU],
          )
        ).rows,
    );
    expect(orgsOf(deleted)).toEqual([orgA]);
    const updated = await asApp(
      { userId: userU },
      async (c) =>
        (await c.query(`update memberships set role = 'OWNER' where "userId" = $1`, [userU]))
          .rowCount,
    );
    expect(updated).toBe(0);
    await expect(
      asApp({ orgId: orgA, userId: userU }, (c) =>
        c.query(
          `insert into memberships (id, "orgId", "userId", role, "updatedAt") values ($1, $2, $3, 'OWNER', now())`,
          [id(), orgB, userV],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(
      await count(owner, `select count(*) as n from memberships where "userId" = $1`, [userU]),
    ).toBe(2);
  });
});

describe('bootstrap and migrations', () => {
  it('ensureAppRole is idempotent and survives concurrent runs', async () => {
    await Promise.all(
      Array.from({ length: 6 }, () => ensureAppRole(testDb.ownerUrl, dbEnv.DATABASE_APP_PASSWORD)),
    );
    const { rows } = await owner.query<{
      rolsuper: boolean;
      rolbypassrls: boolean;
      writes: boolean;
    }>(
      `select rolsuper, rolbypassrls, has_table_privilege('souk_app', '_prisma_migrations', 'insert') as writes
       from pg_roles where rolname = 'souk_app'`,
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, writes: false }]);
    expect(
      await asApp({ orgId: orgA }, (c) => count(c, 'select count(*) as n from products')),
    ).toBe(1);
  });

  it('are at head and match schema.prisma (RLS and CHECK constraints are not drift)', async () => {
    expect(await isAtHead(testDb.ownerUrl)).toEqual({ atHead: true, pending: [], failed: [] });
    expect(await migrationNames()).toContain('20261123005707_init');
    const drift = await checkDrift(testDb.ownerUrl);
    expect(drift).toEqual({ drift: false, sql: expect.any(String) });
  });
});
