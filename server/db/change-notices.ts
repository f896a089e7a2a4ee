import type { Db } from './database.ts';
import type { Unlisten } from './pg-listener.ts';

/** The channel migration 0016's triggers notify on. */
const CHANNEL = 'ft_changes';

/**
 * Whether what a server instance keeps in memory about users, sessions and practice settings may
 * still be true (issue 11: reading them on every request cost each call a pooled connection of its
 * own). Every statement that changes those tables sends a notice on commit (migration 0016), from
 * whichever instance or tool wrote; each instance listens, and every notice bumps `version`. What was
 * read at an older version is forgotten. While notices may be missed (the listening connection was
 * lost and is being reopened) `live` is false and nothing is kept. An instance's own writes bump the
 * version as they answer, before their notice comes back (plugins/change-notices.ts); another
 * instance's writes are heard when their notice arrives, just after they commit.
 */
export interface ChangeNotices {
  readonly version: number;
  readonly live: boolean;
  /** This instance has just changed something: forget what is kept now. */
  changedHere(): void;
  close(): Promise<void>;
}

export async function openChangeNotices(db: Db): Promise<ChangeNotices> {
  let version = 0;
  let live = false;
  const unlisten: Unlisten = await db.listen(
    CHANNEL,
    () => void version++,
    (now) => {
      live = now;
      version++; // anything read before a gap in hearing may have changed during it
    },
  );
  return {
    get version() {
      return version;
    },
    get live() {
      return live;
    },
    changedHere: () => void version++,
    close: async () => {
      live = false;
      version++;
      await unlisten();
    },
  };
}

/** When a value was read: the notices' version then, and whether they were being heard. */
export interface Stamp {
  version: number;
  live: boolean;
}

/** Values read from the tables change notices cover, kept while no notice has come since. */
export interface NoticedCache<K, V> {
  /** The kept value, if no notice has come since it was read. */
  peek(key: K): V | undefined;
  /** Take before reading a value to `put` (a notice that comes during the read voids it). */
  stamp(): Stamp;
  put(key: K, value: V, stamp: Stamp): void;
  /** The kept value, or `load()`'s (kept). */
  get(key: K, load: () => Promise<V>): Promise<V>;
}

export function noticedCache<K, V>(
  notices: ChangeNotices,
  maxEntries = 10_000,
): NoticedCache<K, V> {
  const entries = new Map<K, { value: V; version: number }>();
  const cache: NoticedCache<K, V> = {
    peek(key) {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (notices.live && hit.version === notices.version) return hit.value;
      entries.delete(key);
      return undefined;
    },
    stamp: () => ({ version: notices.version, live: notices.live }),
    put(key, value, stamp) {
      if (!stamp.live || stamp.version !== notices.version) return;
      entries.delete(key); // re-inserted last: the Map's order is oldest first
      entries.set(key, { value, version: stamp.version });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    async get(key, load) {
      const hit = cache.peek(key);
      if (hit !== undefined) return hit;
      const stamp = cache.stamp();
      const value = await load();
      cache.put(key, value, stamp);
      return value;
    },
  };
  return cache;
}
