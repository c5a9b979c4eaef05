import { describe, expect, it } from 'vitest';
import { replaceProductOptions } from '@souk/core';
import { withOrg } from '@souk/db';
import { fieldErrorsOf } from './errors';
import { callerAs } from './test/harness';
import { optionGroup } from './test/products';
import { seededDatabaseForFile } from './test/seeded-database';
import { errorOf } from './test/trpc-errors';

const { testDb, c } = seededDatabaseForFile();

const configuration = {
  optionGroups: [
    optionGroup('Audience size', 'single', true, { Small: 0, Large: 2500 }),
    optionGroup('Formats', 'multiple', false, { Reels: 1000, Stories: 500 }),
  ],
  addOns: [{ label: 'Weekly report', priceDeltaCents: 1900 }],
  customFields: [{ label: 'Handle', fieldType: 'text' as const, isRequired: true, maxLength: 30 }],
  subscriptionPlans: [
    { label: 'Once', billingCycle: 'one_time' as const, isDefault: true },
    { label: 'Quarterly', billingCycle: 'quarterly' as const, priceMultiplierBps: 9000 },
  ],
};

let seq = 0;
function newProduct(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    slug: `int-product-${seq}-${Date.now()}`,
    name: `Integration product ${seq}`,
    description: 'Made by a test',
    basePriceCents: 4900,
    currency: 'USD' as const,
    status: 'active' as const,
    configuration,
    ...overrides,
  };
}

describe('catalog', () => {
  it('creates a configured product, serves it to the storefront and audits the change', async () => {
    const requestId = `req-${Date.now()}`;
    const created = await callerAs(testDb.db, c.sessions.admin, requestId).catalog.createProduct(
      newProduct(),
    );
    expect(created.configuration.optionGroups.map((g) => g.options.length)).toEqual([2, 2]);
    expect(created.configuration.subscriptionPlans[1]?.priceMultiplierBps).toBe(9000);

    const storefront = await c.anonymous.catalog.getProductBySlug({ slug: created.slug });
    expect(storefront.optionGroups.map((g) => g.name)).toEqual(['Audience size', 'Formats']);
    expect(storefront.addOns).toEqual([
      expect.objectContaining({ label: 'Weekly report', priceDeltaCents: 1900 }),
    ]);
    expect(storefront.customFields[0]).toMatchObject({
      label: 'Handle',
      fieldType: 'text',
      maxLength: 30,
    });

    const audit = await c.admin.audit.listEntries({ entityType: 'product', page: 1, pageSize: 50 });
    const row = audit.items.find((i) => i.entityId === created.id);
    expect(row).toMatchObject({
      action: 'product.created',
      actorEmail: 'admin@souk.test',
      requestId,
    });
    expect((row?.after as { slug?: string }).slug).toBe(created.slug);
  });

  it('rejects a price delta out of range, naming the field, and writes nothing', async () => {
    const before = await c.admin.catalog.listProducts({ page: 1, pageSize: 1 });
    const bad = newProduct();
    bad.configuration = {
      ...configuration,
      optionGroups: [
        {
          ...configuration.optionGroups[0]!,
          options: [{ label: 'Huge', priceDeltaCents: 100_001 }],
        },
      ],
    };
    const error = await errorOf(c.admin.catalog.createProduct(bad));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error.cause)).toEqual({
      'configuration.optionGroups.0.options.0.priceDeltaCents': [
        'Price change must be at most $1,000.00',
      ],
    });
    const after = await c.admin.catalog.listProducts({ page: 1, pageSize: 1 });
    expect(after.total).toBe(before.total);
  });

  it('refuses a duplicate slug with a field error', async () => {
    const first = await c.admin.catalog.createProduct(newProduct());
    const error = await errorOf(c.admin.catalog.createProduct(newProduct({ slug: first.slug })));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error.cause)).toEqual({
      slug: ['A product with this slug already exists'],
    });
  });

  it('lets a viewer read but not change anything', async () => {
    const product = await c.admin.catalog.createProduct(newProduct());
    const seen = await c.viewer.catalog.getProduct({ id: product.id });
    expect(seen.name).toBe(product.name);
    expect(
      (await errorOf(c.viewer.catalog.updateProduct({ id: product.id, name: 'Hijacked' }))).code,
    ).toBe('FORBIDDEN');
    expect((await errorOf(c.viewer.catalog.createProduct(newProduct()))).code).toBe('FORBIDDEN');
    expect((await errorOf(c.viewer.catalog.deleteProduct({ id: product.id }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await c.admin.catalog.getProduct({ id: product.id })).name).toBe(product.name);
  });

  it('keeps customers and anonymous callers out of the admin procedures', async () => {
    expect((await errorOf(c.customer.catalog.listProducts({}))).code).toBe('FORBIDDEN');
    expect((await errorOf(c.anonymous.catalog.listProducts({}))).code).toBe('UNAUTHORIZED');
  });

  it('hides one org’s products from another org’s admin', async () => {
    const product = await c.admin.catalog.createProduct(newProduct());
    expect((await errorOf(c.acmeAdmin.catalog.getProduct({ id: product.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await errorOf(c.acmeAdmin.catalog.updateProduct({ id: product.id, name: 'Stolen' }))).code,
    ).toBe('NOT_FOUND');
    expect((await errorOf(c.acmeAdmin.catalog.deleteProduct({ id: product.id }))).code).toBe(
      'NOT_FOUND',
    );
    const acmeList = await c.acmeAdmin.catalog.listProducts({ search: product.slug });
    expect(acmeList.total).toBe(0);
    expect((await c.admin.catalog.getProduct({ id: product.id })).name).toBe(product.name);
    // Same slug may exist in both orgs: slugs are unique per org.
    const twin = await c.acmeAdmin.catalog.createProduct(newProduct({ slug: product.slug }));
    expect(twin.id).not.toBe(product.id);
  });

  it('replaceOptions replaces all four collections and deletes omitted ones', async () => {
    const product = await c.admin.catalog.createProduct(newProduct());
    const replaced = await c.admin.catalog.replaceProductOptions({
      productId: product.id,
      addOns: [{ label: 'Rush delivery', priceDeltaCents: 4000 }],
    });
    expect(replaced.configuration).toMatchObject({
      optionGroups: [],
      customFields: [],
      subscriptionPlans: [],
      addOns: [expect.objectContaining({ label: 'Rush delivery', priceDeltaCents: 4000 })],
    });
    const optionRows = await testDb.ownerDb.productOption.count({
      where: { group: { productId: product.id } },
    });
    expect(optionRows).toBe(0);
  });

  it('a replace that fails part-way leaves the old configuration intact', async () => {
    const product = await c.admin.catalog.createProduct(newProduct());
    // Past Postgres' int4 range: the database refuses the last collection after
    // the first three were already rewritten inside the same transaction.
    const failing = withOrg(testDb.db, c.sessions.admin.orgId, (tx) =>
      replaceProductOptions({
        ctx: { tx, orgId: c.sessions.admin.orgId, actor: null, requestId: null },
        input: {
          productId: product.id,
          optionGroups: [
            {
              name: 'New',
              selectionType: 'single',
              isRequired: false,
              options: [{ label: 'x', priceDeltaCents: 1 }],
            },
          ],
          addOns: [],
          customFields: [],
          subscriptionPlans: [
            {
              label: 'Broken',
              billingCycle: 'monthly',
              priceMultiplierBps: 2 ** 31,
              isDefault: false,
            },
          ],
        },
      }),
    );
    await expect(failing).rejects.toThrow();
    const after = await c.admin.catalog.getProduct({ id: product.id });
    expect(after.configuration).toEqual(product.configuration);
  });

  it('updates fields and configuration together, with a before/after audit row', async () => {
    const product = await c.admin.catalog.createProduct(newProduct());
    const updated = await c.admin.catalog.updateProduct({
      id: product.id,
      name: 'Renamed',
      basePriceCents: 5900,
      configuration: { ...configuration, addOns: [] },
    });
    expect(updated).toMatchObject({ name: 'Renamed', basePriceCents: 5900 });
    expect(updated.configuration.addOns).toEqual([]);
    const audit = await c.admin.audit.listEntries({
      action: 'product.updated',
      page: 1,
      pageSize: 50,
    });
    const row = audit.items.find((i) => i.entityId === product.id);
    expect((row?.before as { name: string }).name).toBe(product.name);
    expect((row?.after as { name: string }).name).toBe('Renamed');
  });

  it('archives and deletes; archived and draft products are not on the storefront', async () => {
    const product = await c.admin.catalog.createProduct(newProduct());
    const draft = await c.admin.catalog.createProduct(newProduct({ status: 'draft' }));
    expect((await errorOf(c.anonymous.catalog.getProductBySlug({ slug: draft.slug }))).code).toBe(
      'NOT_FOUND',
    );
    await c.admin.catalog.archiveProduct({ id: product.id });
    expect((await errorOf(c.anonymous.catalog.getProductBySlug({ slug: product.slug }))).code).toBe(
      'NOT_FOUND',
    );
    const listed = (await c.anonymous.catalog.listStorefrontProducts({})).map((p) => p.slug);
    expect(listed).toContain('instagram-growth');
    expect(listed).not.toContain(product.slug);
    await c.admin.catalog.deleteProduct({ id: product.id });
    expect((await errorOf(c.admin.catalog.getProduct({ id: product.id }))).code).toBe('NOT_FOUND');
  });

  it('lists with search, status filter, sort and pagination', async () => {
    const tag = `pager-${Date.now()}`;
    for (const [i, price] of [300, 100, 200].entries()) {
      await c.admin.catalog.createProduct(
        newProduct({ slug: `${tag}-${i}`, name: `${tag} ${i}`, basePriceCents: price }),
      );
    }
    const page1 = await c.admin.catalog.listProducts({
      search: tag,
      sort: 'basePriceCents',
      order: 'asc',
      page: 1,
      pageSize: 2,
    });
    expect(page1.total).toBe(3);
    expect(page1.items.map((p) => p.basePriceCents)).toEqual([100, 200]);
    const page2 = await c.admin.catalog.listProducts({
      search: tag,
      sort: 'basePriceCents',
      order: 'asc',
      page: 2,
      pageSize: 2,
    });
    expect(page2.items.map((p) => p.basePriceCents)).toEqual([300]);
    const drafts = await c.admin.catalog.listProducts({ search: tag, status: 'draft' });
    expect(drafts.total).toBe(0);
  });

  it('serves the seeded reference product with its configuration', async () => {
    const product = await c.anonymous.catalog.getProductBySlug({ slug: 'instagram-growth' });
    expect(product.optionGroups).toHaveLength(2);
    expect(product.subscriptionPlans.find((p) => p.isDefault)?.label).toBe('One-off month');
  });
});
