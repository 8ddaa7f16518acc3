import type { Store } from '../kernel/db/index.ts';

/**
 * Answers of list routes kept as the JSON text they were sent as, until the database changes.
 *
 * Why: a list page is the same for every user of an organisation allowed to read it (the guard has checked
 * that before), and it is asked for far more often than the data changes. Each entry carries the store's
 * read version from before it was computed (SQLite's `data_version`, which moves with every commit of any
 * connection or process): a different version now means the data may have changed, and the page is built
 * again. A write committed while a page is being built leaves it tagged with the older version, so it is
 * never served. PostgreSQL has no such version (readVersion() is null): nothing is kept there.
 *
 * Bounded by entries and bytes; the least recently used go first.
 */
export type ReadCache = (key: string, build: () => Promise<string>) => Promise<string>;

const MAX_ENTRIES = 500;
const MAX_BYTES = 32 * 1024 * 1024;

const caches = new WeakMap<Store, ReadCache>();

export function readCacheOf(store: Store): ReadCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = createReadCache(store);
    caches.set(store, cache);
  }
  return cache;
}

export function createReadCache(
  store: Pick<Store, 'readVersion'>,
  limits = { entries: MAX_ENTRIES, bytes: MAX_BYTES },
): ReadCache {
  const entries = new Map<string, { version: number; text: string }>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.text.length;
    entries.delete(key);
  };
  return async (key, build) => {
    const version = store.readVersion();
    if (version === null) return build();
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      // Most recently used last: Map keeps insertion order.
      entries.delete(key);
      entries.set(key, hit);
      return hit.text;
    }
    const text = await build();
    drop(key);
    if (text.length <= limits.bytes) {
      entries.set(key, { version, text });
      bytes += text.length;
      while (entries.size > limits.entries || bytes > limits.bytes) drop(entries.keys().next().value!);
    }
    return text;
  };
}
