import { z } from 'zod';

/** What the catalog trigger says changed (see the catalog_change_notify migration). */
export interface CatalogChange {
  org: string;
  /** The organization row itself changed (slug, name) or went. */
  organization?: boolean;
  product?: string;
  slugs?: string[];
}

export const CATALOG_CHANNEL = 'souk_catalog';

const catalogChange = z.object({
  org: z.string(),
  organization: z.boolean().optional(),
  product: z.string().optional(),
  slugs: z.array(z.string()).optional(),
});

/** A payload from the channel, or null when it is not one (it is then safest to clear). */
export function parseCatalogChange(payload: string): CatalogChange | null {
  try {
    const parsed = catalogChange.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

interface Entry<V> {
  value: V;
  expiresAt: number;
  org: string;
  productId?: string;
}

interface Flight<V> {
  promise: Promise<V>;
  org: string;
}

export interface StorefrontCacheOptions {
  /** Safety net for a notification that never came (a half-open socket): entries live this long. */
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

interface StorefrontOrg {
  id: string;
  slug: string;
  name: string;
}

function deepFreeze<V>(value: V): V {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The storefront's read cache of products and storefront orgs, one per web instance.
 * Entries are dropped when the catalog trigger's notification arrives (another instance's
 * write included), everything is dropped when the listener reconnects (what it missed is
 * unknown), and entries expire after `ttlMs` regardless. It serves only while its
 * listener is connected: without one it would miss invalidations, so every read goes to
 * the database. Concurrent misses for one key share one load (single flight), and a load
 * that raced an invalidation is returned to its callers but not stored: each key and each
 * org remember the clock tick of their last invalidation, and a fill started before it is
 * dropped. Cached values are frozen: they are shared by every request.
 */
export class StorefrontCache {
  private enabled = false;
  private clock = 0;
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly flights = new Map<string, Flight<unknown>>();
  /** Clock tick of the last invalidation, per key and per org. */
  private readonly keyTicks = new Map<string, number>();
  private readonly orgTicks = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** Hits and misses since start, for the bench and the metrics. */
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  constructor(options: StorefrontCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  get serving(): boolean {
    return this.enabled;
  }

  /** The storefront product `slug` of `orgId`; `load` reads it from the database on a miss. */
  product<V extends { id: string }>(orgId: string, slug: string, load: () => Promise<V>) {
    return this.read(`p:${orgId}:${slug}`, orgId, load, (value) => value.id);
  }

  /** The org a storefront slug names. */
  org<V extends StorefrontOrg>(slug: string, load: () => Promise<V>) {
    // Keyed by slug, owned by the org it names once loaded; an unknown slug is not cached.
    return this.read(`o:${slug}`, '', load, undefined, (value) => value.id);
  }

  /** The listener (re)connected or was lost: start over, serving only while it listens. */
  reset(listening: boolean): void {
    this.clock += 1;
    this.enabled = listening;
    this.entries.clear();
    this.flights.clear();
    this.keyTicks.clear();
    this.orgTicks.clear();
    this.orgTicks.set('*', this.clock);
  }

  apply(change: CatalogChange | null): void {
    this.stats.invalidations += 1;
    if (!change) {
      this.reset(this.enabled);
      return;
    }
    this.clock += 1;
    const { org } = change;
    // Any fill of this org in flight may have read the old rows: none of them is stored.
    this.orgTicks.set(org, this.clock);
    for (const [key, flight] of this.flights) {
      if (flight.org === org || (change.organization && key.startsWith('o:')))
        this.flights.delete(key);
    }
    for (const [key, entry] of this.entries) {
      if (entry.org !== org) continue;
      const drop = change.organization
        ? true
        : change.product
          ? entry.productId === change.product
          : !change.slugs && key.startsWith('p:');
      if (drop) this.entries.delete(key);
    }
    for (const slug of change.slugs ?? []) {
      const key = `p:${org}:${slug}`;
      this.entries.delete(key);
      this.keyTicks.set(key, this.clock);
    }
    if (this.keyTicks.size > this.maxEntries) {
      // Bounded memory: forgetting the ticks is safe once every fill in flight is refused.
      this.keyTicks.clear();
      this.orgTicks.set('*', this.clock);
    }
  }

  private read<V>(
    key: string,
    org: string,
    load: () => Promise<V>,
    productIdOf?: (value: V) => string,
    orgOf?: (value: V) => string,
  ): Promise<V> {
    if (!this.enabled) return load();
    const entry = this.entries.get(key) as Entry<V> | undefined;
    if (entry && entry.expiresAt > this.now()) {
      this.stats.hits += 1;
      return Promise.resolve(entry.value);
    }
    const flight = this.flights.get(key) as Flight<V> | undefined;
    if (flight) {
      this.stats.hits += 1;
      return flight.promise;
    }
    this.stats.misses += 1;
    const startedAt = this.clock;
    const promise = load().then((value) => {
      if (this.flights.get(key)?.promise === promise) this.flights.delete(key);
      const owner = orgOf ? orgOf(value) : org;
      const invalidatedSince =
        (this.keyTicks.get(key) ?? 0) > startedAt ||
        (this.orgTicks.get(owner) ?? 0) > startedAt ||
        (this.orgTicks.get('*') ?? 0) > startedAt;
      if (this.enabled && !invalidatedSince) {
        if (this.entries.size >= this.maxEntries) {
          const oldest = this.entries.keys().next();
          if (!oldest.done) this.entries.delete(oldest.value);
        }
        this.entries.set(key, {
          value: deepFreeze(value),
          expiresAt: this.now() + this.ttlMs,
          org: owner,
          productId: productIdOf?.(value),
        });
      }
      return value;
    });
    promise.catch(() => {
      if (this.flights.get(key)?.promise === promise) this.flights.delete(key);
    });
    this.flights.set(key, { promise, org });
    return promise;
  }
}
