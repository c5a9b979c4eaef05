import { describe, expect, it } from 'vitest';
import { parseCatalogChange, StorefrontCache } from './storefront-cache';

const ORG = 'org-1';

function deferred<V>() {
  let resolve!: (value: V) => void;
  const promise = new Promise<V>((r) => (resolve = r));
  return { promise, resolve };
}

function serving(now = () => 0) {
  const cache = new StorefrontCache({ ttlMs: 1000, now });
  cache.reset(true);
  return cache;
}

const product = (name: string) => ({ id: 'p-1', name });

describe('StorefrontCache', () => {
  it('reads through while its listener is not connected', async () => {
    const cache = new StorefrontCache({ ttlMs: 1000 });
    let loads = 0;
    const load = () => Promise.resolve(product(`v${++loads}`));
    await cache.product(ORG, 'a', load);
    expect((await cache.product(ORG, 'a', load)).name).toBe('v2');
  });

  it('serves a stored product until its TTL runs out', async () => {
    let clock = 0;
    const cache = serving(() => clock);
    let loads = 0;
    const load = () => Promise.resolve(product(`v${++loads}`));
    await cache.product(ORG, 'a', load);
    clock = 999;
    expect((await cache.product(ORG, 'a', load)).name).toBe('v1');
    clock = 1000;
    expect((await cache.product(ORG, 'a', load)).name).toBe('v2');
  });

  it('shares one load between concurrent misses', async () => {
    const cache = serving();
    const pending = deferred<ReturnType<typeof product>>();
    let loads = 0;
    const load = () => {
      loads += 1;
      return pending.promise;
    };
    const reads = [cache.product(ORG, 'a', load), cache.product(ORG, 'a', load)];
    pending.resolve(product('v1'));
    expect((await Promise.all(reads)).map((p) => p.name)).toEqual(['v1', 'v1']);
    expect(loads).toBe(1);
  });

  it('does not store a load that raced an invalidation, and the next read loads again', async () => {
    const cache = serving();
    const stale = deferred<ReturnType<typeof product>>();
    const first = cache.product(ORG, 'a', () => stale.promise);
    cache.apply({ org: ORG, product: 'p-1' }); // e.g. an option changed while the old rows were read
    const fresh = cache.product(ORG, 'a', () => Promise.resolve(product('new')));
    stale.resolve(product('old'));
    expect((await first).name).toBe('old');
    expect((await fresh).name).toBe('new');
    expect((await cache.product(ORG, 'a', () => Promise.resolve(product('later')))).name).toBe(
      'new',
    );
  });

  it('drops by slug, by product, by org, and everything on reset', async () => {
    const cache = serving();
    const fill = (org: string, slug: string, id: string) =>
      cache.product(org, slug, () => Promise.resolve({ id, name: 'cached' }));
    const isCached = async (org: string, slug: string, id: string) =>
      (await cache.product(org, slug, () => Promise.resolve({ id, name: 'loaded' }))).name ===
      'cached';
    await Promise.all([fill(ORG, 'a', 'p-a'), fill(ORG, 'b', 'p-b'), fill('org-2', 'a', 'p-x')]);

    cache.apply({ org: ORG, slugs: ['a'] });
    expect(await isCached(ORG, 'a', 'p-a')).toBe(false);
    expect(await isCached(ORG, 'b', 'p-b')).toBe(true);

    cache.apply({ org: ORG, product: 'p-b' });
    expect(await isCached(ORG, 'b', 'p-b')).toBe(false);
    expect(await isCached('org-2', 'a', 'p-x')).toBe(true);

    await fill(ORG, 'c', 'p-c');
    cache.apply({ org: ORG }); // a row whose product is already gone: the whole org
    expect(await isCached(ORG, 'c', 'p-c')).toBe(false);
    expect(await isCached('org-2', 'a', 'p-x')).toBe(true);

    cache.reset(true);
    expect(await isCached('org-2', 'a', 'p-x')).toBe(false);
  });

  it('drops the org a storefront slug names when the organization changes', async () => {
    const cache = serving();
    const org = (name: string) => () => Promise.resolve({ id: ORG, slug: 'demo', name });
    await cache.org('demo', org('Demo'));
    expect((await cache.org('demo', org('other'))).name).toBe('Demo');
    cache.apply({ org: ORG, organization: true });
    expect((await cache.org('demo', org('Renamed'))).name).toBe('Renamed');
  });

  it('freezes what it shares between requests', async () => {
    const cache = serving();
    const value = await cache.product(ORG, 'a', () =>
      Promise.resolve({ id: 'p-1', groups: [{ name: 'x' }] }),
    );
    expect(Object.isFrozen(value.groups[0])).toBe(true);
  });

  it('reads the trigger payload, and anything else as "clear everything"', () => {
    expect(parseCatalogChange('{"org":"o","product":"p","slugs":["a","b"]}')).toEqual({
      org: 'o',
      product: 'p',
      slugs: ['a', 'b'],
    });
    expect(parseCatalogChange('not json')).toBeNull();
    expect(parseCatalogChange('{"slugs":[1]}')).toBeNull();
  });
});
