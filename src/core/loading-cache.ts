/**
 * Caches of looked-up values (chat users' e-mails, channel members, answers to share) on lru-cache:
 * at most `max` entries, the least recently used leaving first, each for `ttlMs`; concurrent misses
 * for one key share one load (lru-cache's `fetch`), and a failed load is not cached.
 */
import { LRUCache } from 'lru-cache';

/** A cache whose misses are loaded by the function given at the call. */
export type LoadingCache<K extends {}, V extends {}> = LRUCache<K, V, () => Promise<V>>;

export function loadingCache<K extends {}, V extends {}>(
  ttlMs: number,
  max: number,
  /** The clock in ms (tests); default performance.now. */
  now?: () => number,
): LoadingCache<K, V> {
  return new LRUCache<K, V, () => Promise<V>>({
    max,
    ttl: ttlMs,
    fetchMethod: (_key, _stale, { context }) => context(),
    ...(now ? { perf: { now }, ttlResolution: 0 } : {}),
  });
}

/** The cached value for `key`, or `load`'s (then cached); concurrent misses share one load. */
export async function cachedOrLoad<K extends {}, V extends {}>(
  cache: LoadingCache<K, V>,
  key: K,
  load: () => Promise<V>,
): Promise<V> {
  const value = await cache.fetch(key, { context: load });
  // fetch yields undefined only when its fetch is aborted, which no caller here does.
  if (value === undefined) throw new Error('cache load was aborted');
  return value;
}
