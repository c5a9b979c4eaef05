// Two web instances, each with its own storefront cache and LISTEN connection, on one
// database: a change made through one is what the other serves on its next read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStorefrontCache, type RunningStorefrontCache } from './storefront-cache';
import { callerAs, type Caller } from './test/harness';
import { optionGroup } from './test/products';
import { seededDatabaseForFile } from './test/seeded-database';
import { codeOf } from './test/trpc-errors';

const { testDb, c } = seededDatabaseForFile();

/** An instance: its cache, a shopper reading through it and an admin writing through it. */
interface Instance {
  running: RunningStorefrontCache;
  shopper: Caller;
  admin: Caller;
}

let a: Instance;
let b: Instance;

async function until(what: string, check: () => Promise<boolean> | boolean, limitMs = 10_000) {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}

function startInstance(): Instance {
  const running = startStorefrontCache({ connectionString: testDb.appUrl, ttlMs: 60_000 });
  const extra = { storefrontCache: running.cache };
  return {
    running,
    shopper: callerAs(testDb.db, null, undefined, extra),
    admin: callerAs(testDb.db, c.sessions.admin, undefined, extra),
  };
}

let seq = 0;
async function createProduct() {
  seq += 1;
  return a.admin.catalog.createProduct({
    slug: `cached-${seq}-${Date.now()}`,
    name: `Cached product ${seq}`,
    basePriceCents: 4900,
    currency: 'USD',
    status: 'active',
    configuration: { optionGroups: [optionGroup('Size', 'single', true, { Small: 0 })] },
  });
}

/**
 * How long after a write returned instance B first served what it changed, B's cache
 * having held the old product until then (its reads in between are hits or one refill).
 */
async function visibleOnB(
  slug: string,
  write: () => Promise<unknown>,
  seen: (read: () => Promise<unknown>) => Promise<boolean>,
) {
  const read = () => b.shopper.catalog.getProductBySlug({ slug });
  await read();
  // The notification of the product's own creation may land after B's first fill.
  await until('B serves the product from its cache', async () => {
    const missesBefore = b.running.cache.stats.misses;
    await read();
    return b.running.cache.stats.misses === missesBefore;
  });
  await write();
  return until(`the change to ${slug} reaches instance B`, () => seen(read));
}

beforeAll(async () => {
  a = startInstance();
  b = startInstance();
  await until('both listeners connected', () => a.running.cache.serving && b.running.cache.serving);
});

afterAll(async () => {
  await Promise.all([a?.running.close(), b?.running.close()]);
});

describe('storefront cache across instances', () => {
  it('serves a renamed product on the other instance within 1 s', async () => {
    const product = await createProduct();
    const elapsed = await visibleOnB(
      product.slug,
      () => a.admin.catalog.updateProduct({ id: product.id, name: 'Renamed elsewhere' }),
      async (read) => ((await read()) as { name: string }).name === 'Renamed elsewhere',
    );
    expect(elapsed).toBeLessThan(1000);
  });

  it('shows the instance that saved a change its own write at once', async () => {
    const product = await createProduct();
    const read = () => a.shopper.catalog.getProductBySlug({ slug: product.slug });
    await read();
    await until('A serves the product from its cache', async () => {
      const missesBefore = a.running.cache.stats.misses;
      await read();
      return a.running.cache.stats.misses === missesBefore;
    });
    await a.admin.catalog.updateProduct({ id: product.id, basePriceCents: 5900 });
    expect((await read()).basePriceCents).toBe(5900);
  });

  it('drops a product whose options changed, whose slug moved or that was archived', async () => {
    const product = await createProduct();
    const withOptions = await visibleOnB(
      product.slug,
      () =>
        a.admin.catalog.replaceProductOptions({
          productId: product.id,
          optionGroups: [optionGroup('Size', 'single', true, { Small: 0, Large: 1500 })],
        }),
      async (read) =>
        ((await read()) as { optionGroups: { options: unknown[] }[] }).optionGroups[0]?.options
          .length === 2,
    );
    expect(withOptions).toBeLessThan(1000);

    const newSlug = `${product.slug}-moved`;
    const moved = await visibleOnB(
      product.slug,
      () => a.admin.catalog.updateProduct({ id: product.id, slug: newSlug }),
      async (read) => (await codeOf(read())) === 'NOT_FOUND',
    );
    expect(moved).toBeLessThan(1000);
    expect((await b.shopper.catalog.getProductBySlug({ slug: newSlug })).id).toBe(product.id);

    const archived = await visibleOnB(
      newSlug,
      () => a.admin.catalog.archiveProduct({ id: product.id }),
      async (read) => (await codeOf(read())) === 'NOT_FOUND',
    );
    expect(archived).toBeLessThan(1000);
  });

  it('reads through while its listener is down and starts clean when it is back', async () => {
    const product = await createProduct();
    const read = () => b.shopper.catalog.getProductBySlug({ slug: product.slug });
    await read();
    await testDb.ownerDb.$executeRawUnsafe(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = 'souk-listen-souk_catalog' and datname = current_database()`,
    );
    await until(
      'both caches stop serving',
      () => !a.running.cache.serving && !b.running.cache.serving,
    );
    await until(
      'both listeners reconnect',
      () => a.running.cache.serving && b.running.cache.serving,
    );
    // Whatever was said while they were away is unknown: the org and the product are read again.
    const missesBefore = b.running.cache.stats.misses;
    expect((await read()).id).toBe(product.id);
    expect(b.running.cache.stats.misses).toBe(missesBefore + 2);
  });
});
