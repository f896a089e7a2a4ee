import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Computed reports kept in this process and reused while still true (issue 13: computing the
 * dashboard at 20,000 patients costs a second or more). Every transaction that writes a table a
 * report reads leaves its id in `report_writes` (migration 0015). A report is computed after taking a
 * snapshot; it stays good while every write recorded since is visible in that snapshot, and for at
 * most `ttlMs` (figures like overdue diaries move with the clock, not only with writes). Two server
 * instances each keep their own entries; the check is against the shared database, so neither serves
 * a report another instance's write has changed.
 */
export interface ReportCache {
  /** The report under `key`: the kept one if still true, else `compute()`'s, kept for next time. */
  get<T>(db: Kysely<Database>, key: string, compute: () => Promise<T>): Promise<T>;
}

interface Entry {
  snapshot: string;
  at: number;
  body: unknown;
}

export function createReportCache({
  ttlMs,
  maxEntries = 64,
  now = Date.now,
}: {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}): ReportCache {
  const entries = new Map<string, Entry>();
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

  return {
    async get<T>(db: Kysely<Database>, key: string, compute: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs && (await stillTrue(db, hit))) {
        keep(key, hit);
        return hit.body as T;
      }
      const at = now();
      const snap = await sql<{ snapshot: string; xmin: string }>`
        SELECT pg_current_snapshot()::text AS snapshot, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`.execute(
        db,
      );
      const { snapshot, xmin } = snap.rows[0]!;
      const body = await compute();
      keep(key, { snapshot, at, body });
      marks.push({ at, xmin });
      await prune(db, at);
      return body;
    },
  };
}
