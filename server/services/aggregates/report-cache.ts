import { type Kysely, sql } from 'kysely';
import { inBackground } from '../../db/pglite-queue.ts';
import type { Database } from '../../db/schema.ts';

/**
 * Computed reports kept in this process and reused while still true (issue 13: computing the
 * dashboard at 20,000 patients costs a second or more). Every transaction that writes a table a
 * report reads leaves its id in `report_writes` (migration 0015). A report is computed after taking a
 * snapshot; it stays good while every write recorded since is visible in that snapshot, and for at
 * most `ttlMs` (figures like overdue diaries move with the clock, not only with writes). Two server
 * instances each keep their own entries; the check is against the shared database, so neither serves
 * a report another instance's write has changed.
 *
 * Requests for a report being computed wait for that computation instead of starting their own.
 * A report whose last two computations each took at least `slowMs` (a large practice: 0.7-1.5 s
 * at 20,000 patients) is, once a write has changed it, served as last computed while a fresh one
 * is computed behind it, for at most `staleMs` after it was computed (ADR 0008); the answer says
 * when it was read (`asOf`).
 * Small practices compute in well under `slowMs` and always get fresh figures.
 */
export interface ReportCache {
  /** The report under `key`: the kept one if still true (or slow and recent), else `compute()`'s. */
  get<T>(
    db: Kysely<Database>,
    key: string,
    compute: (db: Kysely<Database>) => Promise<T>,
  ): Promise<Kept<T>>;
  /** Resolves once no computation is running (one behind a served report included). */
  settled(): Promise<void>;
}

/** A report and when its data were read. */
export interface Kept<T> {
  body: T;
  asOf: Date;
}

interface Entry {
  snapshot: string;
  at: number;
  body: unknown;
  /** How long this computation took, and the one of the same key before it (null: none kept). */
  lastMs: number;
  previousMs: number | null;
}

export function createReportCache({
  ttlMs,
  staleMs = 0,
  // Three quarters of the 200 ms a report read may take (issue 13), leaving the request its own
  // cost: a report computing slower cannot be waited on after a write and still answer in time (at
  // 20,000 patients a filtered outcomes report takes 250-350 ms on PostgreSQL, the practice report
  // 0.7-1.5 s; the demo practice's 55-80 ms on PGlite).
  slowMs = 150,
  maxEntries = 64,
  now = Date.now,
  onRefreshError = () => {},
  behind = 'transaction',
}: {
  ttlMs: number;
  /** How long after computing a slow report may still be served while a fresh one is computed; 0: never. */
  staleMs?: number;
  /** What counts as slow. */
  slowMs?: number;
  maxEntries?: number;
  now?: () => number;
  /** A computation behind a served report failed (its next request computes again). */
  onRefreshError?: (error: unknown) => void;
  /**
   * How a computation behind a served report runs. 'transaction' (PostgreSQL): in one read-only
   * transaction on one pooled connection. 'yielding' (PGlite, one connection): each query on its
   * own, taking its turn when it asks (db/pglite-queue.ts inBackground), so the requests that come
   * meanwhile go between its queries instead of waiting for all of it (bench, 20,000 patients: a
   * practice report read just after a write took 1.9 s at p50 while its one transaction held
   * PGlite's connection). Each query then reads what is committed when it runs, at or after the
   * snapshot the entry keeps: a write it saw but the snapshot did not only makes the entry count as
   * changed sooner, so nothing written is ever missed.
   */
  behind?: 'transaction' | 'yielding';
}): ReportCache {
  const entries = new Map<string, Entry>();
  const computing = new Map<string, Promise<Entry>>();
  // (time, oldest transaction then running): writes older than a mark taken more than a ttl ago are
  // visible in every snapshot a live entry holds, so their rows can go.
  const marks: { at: number; xmin: string }[] = [];
  let prunedAt = 0;

  const keep = (key: string, entry: Entry) => {
    entries.delete(key); // re-inserted last: the Map's order is least recently used first
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };

  const stillTrue = async (db: Kysely<Database>, entry: Entry) => {
    const r = await sql<{ stale: boolean }>`
      SELECT EXISTS (SELECT 1 FROM report_writes WHERE txid >= pg_snapshot_xmin(${entry.snapshot}::pg_snapshot)
        AND NOT pg_visible_in_snapshot(txid, ${entry.snapshot}::pg_snapshot)) AS stale`.execute(db);
    return !r.rows[0]!.stale;
  };

  const prune = async (db: Kysely<Database>, at: number) => {
    if (at - prunedAt < ttlMs) return;
    prunedAt = at;
    let old: { at: number; xmin: string } | undefined;
    while (marks.length && marks[0]!.at <= at - 2 * ttlMs) old = marks.shift();
    if (old) await sql`DELETE FROM report_writes WHERE txid < ${old.xmin}::xid8`.execute(db);
  };

  /**
   * The one computation of `key` in progress, or a new one; its entry is kept when it ends. Behind a
   * served report (`isBehind`), it runs as `behind` says: on PostgreSQL in one read-only transaction
   * on one connection, since its queries side by side on the pool held every connection for a
   * second and made the requests that came meanwhile queue for one (bench: p95 1.2 s just after a
   * write at 20,000 patients).
   */
  const computed = (
    db: Kysely<Database>,
    key: string,
    compute: (db: Kysely<Database>) => Promise<unknown>,
    isBehind: boolean,
  ) => {
    let running = computing.get(key);
    const joined = running !== undefined;
    if (!running) {
      const run = async (on: Kysely<Database>) => {
        const at = now();
        const snap = await sql<{ snapshot: string; xmin: string }>`
          SELECT pg_current_snapshot()::text AS snapshot, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`.execute(
          on,
        );
        const { snapshot, xmin } = snap.rows[0]!;
        const started = performance.now();
        const body = await compute(on);
        const ms = performance.now() - started;
        const previousMs = entries.get(key)?.lastMs ?? null;
        return { entry: { snapshot, at, body, lastMs: ms, previousMs }, xmin };
      };
      running = (async () => {
        const { entry, xmin } = !isBehind
          ? await run(db)
          : behind === 'yielding'
            ? await inBackground(() => run(db))
            : await db
                .transaction()
                .setIsolationLevel('repeatable read')
                .setAccessMode('read only')
                .execute(run);
        keep(key, entry);
        marks.push({ at: entry.at, xmin });
        await prune(db, entry.at);
        return entry;
      })().finally(() => computing.delete(key));
      computing.set(key, running);
    }
    return { running, joined };
  };

  // Slow once is not slow: a first computation on a cold process or a busy machine can take
  // several times its usual time, and a small practice must not be answered as last computed for it.
  // The last two computations decide, so a practice that grows becomes slow, and one that was slow
  // (a migration running beside it) becomes quick again.
  const slow = (entry: Entry) =>
    entry.previousMs !== null && Math.min(entry.lastMs, entry.previousMs) >= slowMs;

  const kept = <T>(entry: Entry): Kept<T> => ({ body: entry.body as T, asOf: new Date(entry.at) });

  return {
    async get<T>(
      db: Kysely<Database>,
      key: string,
      compute: (db: Kysely<Database>) => Promise<T>,
    ): Promise<Kept<T>> {
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs && (await stillTrue(db, hit))) {
        keep(key, hit);
        return kept(hit);
      }
      if (hit && slow(hit) && now() - hit.at < Math.min(staleMs, ttlMs)) {
        computed(db, key, compute, true).running.catch(onRefreshError);
        return kept(hit);
      }
      const first = computed(db, key, compute, false);
      const entry = await first.running;
      // A computation this request joined may have begun before a write this request must see (its
      // own, say): then it computes again, as if it had come first.
      if (!first.joined || (await stillTrue(db, entry))) return kept(entry);
      return kept(await computed(db, key, compute, false).running);
    },
    async settled() {
      while (computing.size > 0) await Promise.allSettled(computing.values());
    },
  };
}
