// An edit changes only the fields it sends: the create defaults (draft, empty description,
// empty city) must not ride along on a name-only update and wipe what was there.
import { describe, expect, it } from 'vitest';
import { callerAs, sessionFor } from './test/harness';
import { optionGroup } from './test/products';
import { seededDatabaseForFile } from './test/seeded-database';

const { testDb, c } = seededDatabaseForFile();

describe('partial updates change only the fields given', () => {
  it('a name-only product edit keeps status, description, price and options', async () => {
    const created = await c.admin.catalog.createProduct({
      slug: `partial-${Date.now()}`,
      name: 'Before',
      description: 'A description worth keeping',
      basePriceCents: 4900,
      currency: 'USD',
      status: 'active',
      configuration: {
        optionGroups: [optionGroup('Size', 'single', true, { Small: 0, Large: 2500 })],
        addOns: [{ label: 'Rush', priceDeltaCents: 1500 }],
      },
    });

    const updated = await c.admin.catalog.updateProduct({ id: created.id, name: 'After' });
    expect(updated).toMatchObject({ name: 'After', status: 'active' });

    const row = await testDb.ownerDb.product.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      name: 'After',
      status: 'active',
      description: 'A description worth keeping',
      basePriceCents: 4900,
      slug: created.slug,
    });
    const options = await testDb.ownerDb.productOption.findMany({
      where: { group: { productId: created.id } },
      orderBy: { label: 'asc' },
    });
    expect(options.map((o) => [o.label, o.priceDeltaCents])).toEqual([
      ['Large', 2500],
      ['Small', 0],
    ]);
    const addOns = await testDb.ownerDb.productAddOn.count({ where: { productId: created.id } });
    expect(addOns).toBe(1);
  });

  it('a name-only template edit keeps summary, details, guests and media', async () => {
    const template = await c.admin.marketplace.admin.createTemplate({
      name: 'Garden party',
      summary: 'An afternoon outdoors',
      details: 'Tents, lawn games and a cold buffet.',
      suggestedGuests: 60,
    });

    await c.admin.marketplace.admin.updateTemplate({
      id: template.id,
      name: 'Summer garden party',
    });

    const row = await testDb.ownerDb.eventTemplate.findUniqueOrThrow({
      where: { id: template.id },
    });
    expect(row).toMatchObject({
      name: 'Summer garden party',
      summary: 'An afternoon outdoors',
      details: 'Tents, lawn games and a cold buffet.',
      suggestedGuests: 60,
      mediaUploadIds: [],
    });
  });

  it('a name-only vendor profile edit keeps description and city', async () => {
    const session = await sessionFor(testDb.db, 'vendor@souk.test');
    const vendor = callerAs(testDb.db, session);
    const before = await testDb.ownerDb.vendor.findFirstOrThrow({
      where: { userId: session.user.id },
    });
    expect(before.description).not.toBe('');

    await vendor.marketplace.vendor.updateVendorProfile({ displayName: 'Lens & Light Studio' });

    const after = await testDb.ownerDb.vendor.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({
      displayName: 'Lens & Light Studio',
      description: before.description,
      city: before.city,
    });
  });
});
