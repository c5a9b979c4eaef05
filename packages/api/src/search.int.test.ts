// The admin's command palette on a real database: what each query finds, that only the
// caller's org shows, that each kind follows its list's permission, and refusals in words.
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './errors';
import { callerAs } from './test/harness';
import { seededDatabaseForFile } from './test/seeded-database';
import { codeOf, errorOf } from './test/trpc-errors';

const { testDb, c } = seededDatabaseForFile();
const tag = `srch${crypto.randomUUID().slice(0, 8)}`;
let demoOrder = { id: '', number: 0 };
let acmeOrder = { id: '', number: 0 };
let customerId = '';
let productId = '';

const order = (orgId: string, customer: { id: string; email: string }) =>
  testDb.ownerDb.order.create({
    data: {
      orgId,
      customerId: customer.id,
      customerEmail: customer.email,
      currency: 'USD',
      subtotalCents: 2500,
      taxCents: 0,
      totalCents: 2500,
    },
  });

beforeAll(async () => {
  const demoId = c.sessions.admin.orgId;
  const acmeId = c.sessions.acmeAdmin.orgId;
  const user = await testDb.ownerDb.user.create({
    data: { email: `zoe-${tag}@example.test`, name: `Zoe ${tag.toUpperCase()}` },
  });
  customerId = user.id;
  await testDb.ownerDb.membership.create({
    data: { orgId: demoId, userId: user.id, role: 'CUSTOMER' },
  });
  demoOrder = await order(demoId, user);
  acmeOrder = await order(acmeId, user);
  const product = await testDb.ownerDb.product.create({
    data: {
      orgId: demoId,
      slug: `lantern-${tag}`,
      name: 'Brass lantern',
      basePriceCents: 1900,
      currency: 'USD',
    },
  });
  productId = product.id;
  await testDb.ownerDb.product.create({
    data: {
      orgId: acmeId,
      slug: `lantern-${tag}`,
      name: 'Acme lantern',
      basePriceCents: 1900,
      currency: 'USD',
    },
  });
});

const group = (groups: { kind: string; items: { id: string }[] }[], kind: string) =>
  groups.find((g) => g.kind === kind)?.items.map((i) => i.id);

describe('search.searchAdmin', () => {
  it('finds an order by its number, with or without #, and by customer email', async () => {
    const byNumber = await c.admin.search.searchAdmin({ q: String(demoOrder.number) });
    expect(group(byNumber, 'order')).toEqual([demoOrder.id]);
    const hit = byNumber.find((g) => g.kind === 'order')?.items[0];
    expect(hit).toEqual({
      id: demoOrder.id,
      title: `Order #${demoOrder.number}`,
      subtitle: `zoe-${tag}@example.test · $25.00`,
      href: `/admin/orders/${demoOrder.id}`,
    });

    const byHash = await c.admin.search.searchAdmin({ q: `#${demoOrder.number}` });
    expect(group(byHash, 'order')).toEqual([demoOrder.id]);

    const byEmail = await c.admin.search.searchAdmin({ q: `  ZOE-${tag}@Example  ` });
    expect(group(byEmail, 'order')).toEqual([demoOrder.id]);
  });

  it('finds a customer by name and a product by slug', async () => {
    const byName = await c.admin.search.searchAdmin({ q: `zoe ${tag}` });
    expect(byName.find((g) => g.kind === 'customer')?.items).toEqual([
      {
        id: customerId,
        title: `Zoe ${tag.toUpperCase()}`,
        subtitle: `zoe-${tag}@example.test`,
        href: `/admin/customers/${customerId}`,
      },
    ]);

    const bySlug = await c.admin.search.searchAdmin({ q: `lantern-${tag}` });
    expect(bySlug.find((g) => g.kind === 'product')?.items).toEqual([
      {
        id: productId,
        title: 'Brass lantern',
        subtitle: `lantern-${tag}`,
        href: `/admin/products/${productId}`,
      },
    ]);
  });

  it("never shows another org's rows", async () => {
    const demo = await c.admin.search.searchAdmin({ q: tag });
    expect(group(demo, 'order')).toEqual([demoOrder.id]);
    expect(group(demo, 'product')).toEqual([productId]);
    const acmeByNumber = await c.admin.search.searchAdmin({ q: String(acmeOrder.number) });
    // Digits also match inside emails, so only the acme order itself must be missing.
    expect(group(acmeByNumber, 'order')).not.toContain(acmeOrder.id);

    const acme = await c.acmeAdmin.search.searchAdmin({ q: tag });
    expect(group(acme, 'order')).toEqual([acmeOrder.id]);
    expect(group(acme, 'product')).not.toContain(productId);
    // Zoe ordered at acme without a membership there: a customer through the order.
    expect(group(acme, 'customer')).toEqual([customerId]);
  });

  it('limits results per kind', async () => {
    const one = await c.admin.search.searchAdmin({ q: '@', limit: 1 });
    for (const g of one) expect(g.items.length).toBeLessThanOrEqual(1);
  });

  it('gives a viewer the kinds their role reads, and refuses customers and vendors', async () => {
    const viewer = await c.viewer.search.searchAdmin({ q: tag });
    expect(viewer.map((g) => g.kind)).toEqual([
      'order',
      'customer',
      'product',
      'booking',
      'vendor',
    ]);
    expect(group(viewer, 'order')).toEqual([demoOrder.id]);

    expect(await codeOf(c.customer.search.searchAdmin({ q: tag }))).toBe('FORBIDDEN');
    const vendor = callerAs(testDb.db, { ...c.sessions.customer, role: 'VENDOR' });
    const refused = await errorOf(vendor.search.searchAdmin({ q: tag }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe('Your role (VENDOR) cannot do this (needs catalog.read)');
    expect(await codeOf(c.anonymous.search.searchAdmin({ q: tag }))).toBe('UNAUTHORIZED');
  });

  it('refuses empty, overlong and NUL queries in words', async () => {
    const refusal = async (q: string) => {
      const error = await errorOf(c.admin.search.searchAdmin({ q }));
      expect(error.code).toBe('BAD_REQUEST');
      return fieldErrorsOf(error.cause);
    };
    expect(await refusal('   ')).toEqual({ q: ['Search is required'] });
    expect(await refusal('x'.repeat(201))).toEqual({ q: ['Search is at most 200 characters'] });
    expect(await refusal('a\u0000b')).toEqual({ q: ['Contains a character that is not allowed'] });
  });
});
