import { CATALOG_CHANNEL, createLogger, parseCatalogChange, StorefrontCache } from '@souk/core';
import { appDatabaseUrl, listenToChannel, type ChannelListener } from '@souk/db';
import { apiEnv } from './env';

const log = createLogger('storefront-cache');

export interface RunningStorefrontCache {
  cache: StorefrontCache;
  listener: ChannelListener;
  close(): Promise<void>;
}

/**
 * A storefront cache kept true by its own LISTEN connection: serving only while the
 * listener is connected, cleared whenever it (re)connects.
 */
export function startStorefrontCache(options: {
  connectionString: string;
  ttlMs: number;
}): RunningStorefrontCache {
  const cache = new StorefrontCache({ ttlMs: options.ttlMs });
  const listener = listenToChannel({
    connectionString: options.connectionString,
    channel: CATALOG_CHANNEL,
    onNotification: (payload) => cache.apply(parseCatalogChange(payload)),
    onListening: () => {
      cache.reset(true);
      log.info('storefront cache listening for catalog changes');
    },
    onLost: (error) => {
      cache.reset(false);
      log.warn(
        { reason: error.message },
        'storefront cache lost its listener: reading through until it is back',
      );
    },
  });
  return { cache, listener, close: () => listener.close() };
}

const globalForCache = globalThis as unknown as {
  soukStorefrontCache?: RunningStorefrontCache | null;
};

/** The process-wide cache the app's requests share (null when STOREFRONT_CACHE_TTL_SECONDS=0). */
export function getStorefrontCache(): StorefrontCache | null {
  if (globalForCache.soukStorefrontCache === undefined) {
    const ttlSeconds = apiEnv.STOREFRONT_CACHE_TTL_SECONDS;
    globalForCache.soukStorefrontCache =
      ttlSeconds > 0
        ? startStorefrontCache({ connectionString: appDatabaseUrl(), ttlMs: ttlSeconds * 1000 })
        : null;
  }
  return globalForCache.soukStorefrontCache?.cache ?? null;
}
