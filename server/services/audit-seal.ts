import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AuditAnchorage } from './audit-anchor.ts';
import { GENESIS_HASH, sealHash, type SealedEventFields } from './audit-trail.ts';

/** Advisory lock only the sealer takes (never a request): one sealer at a time across instances. */
const AUDIT_SEALER_LOCK_KEY = 7_301_002;
/** Events sealed per transaction, so one round never holds the lock for long. */
const SEAL_BATCH = 5000;

export interface SealHead {
  seq: string;
  hash: string;
}

export interface SealRound {
  /** False when another instance held the sealer lock: nothing was done here. */
  ran: boolean;
  sealed: number;
  head: SealHead | null;
}

interface EventRow extends SealedEventFields {
  xid: string;
}

/**
 * Seals one batch: takes the events whose writing transaction has finished (its xid is below the
 * oldest transaction still running, pg_snapshot_xmin), in (xid, id) order after the last sealed one,
 * and chains them. A transaction still in progress, even one holding a lower id than rows already
 * committed, is never skipped: every row with an xid below xmin is final, and rows sealed later all
 * have a larger (xid, id) than every sealed row. Runs in its own transaction under a try-lock.
 */
async function sealBatch(
  db: Kysely<Database>,
  anchorage: AuditAnchorage,
): Promise<SealRound & { more: boolean }> {
  return db.transaction().execute(async (tx) => {
    const lock = await sql<{
      got: boolean;
    }>`SELECT pg_try_advisory_xact_lock(${AUDIT_SEALER_LOCK_KEY}) AS got`.execute(tx);
    if (!lock.rows[0]!.got) return { ran: false, sealed: 0, head: null, more: false };
    const last = (
      await sql<{ seq: string; hash: string; event_xid: string; event_id: string }>`
      SELECT seq::text AS seq, hash, event_xid::text AS event_xid, event_id::text AS event_id
      FROM audit_seals s ORDER BY s.seq DESC LIMIT 1`.execute(tx)
    ).rows[0];
    const after = last
      ? sql`(e.xid, e.id) > (${last.event_xid}::xid8, ${last.event_id}::bigint) AND`
      : sql``;
    // One statement, one snapshot: every row below its xmin is committed (visible) or rolled back (gone).
    const { rows } = await sql<EventRow>`
      SELECT e.id::text AS id, e.xid::text AS xid, e.at, e.actor_id::text AS actor_id, e.actor_username, e.action, e.entity,
        e.entity_id, e.patient_id, e.ip, e.details
      FROM audit_events e
      WHERE ${after} e.xid < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY e.xid, e.id LIMIT ${SEAL_BATCH}`.execute(tx);
    const lastHead = last ? { seq: last.seq, hash: last.hash } : null;
    if (!rows.length) return { ran: true, sealed: 0, head: lastHead, more: false };
    let prevHash = last?.hash ?? GENESIS_HASH;
    let seq = BigInt(last?.seq ?? '0');
    const seals = rows.map((row) => {
      seq += 1n;
      const position = String(seq);
      const hash = sealHash(prevHash, position, { ...row, at: new Date(row.at) });
      const seal = {
        seq: position,
        event_id: row.id,
        event_xid: row.xid,
        prev_hash: prevHash,
        hash,
        mac: anchorage.mac(position, hash),
      };
      prevHash = hash;
      return seal;
    });
    await sql`INSERT INTO audit_seals (seq, event_id, event_xid, prev_hash, hash, mac)
      SELECT s.seq::bigint, s.event_id::bigint, s.event_xid::xid8, s.prev_hash, s.hash, s.mac
      FROM jsonb_to_recordset(${JSON.stringify(seals)}::jsonb)
        AS s(seq text, event_id text, event_xid text, prev_hash text, hash text, mac text)`.execute(
      tx,
    );
    return {
      ran: true,
      sealed: seals.length,
      head: { seq: String(seq), hash: prevHash },
      more: rows.length === SEAL_BATCH,
    };
  });
}

/** How often a sealer appends the head to the anchor file while events keep coming (verify always does). */
const ANCHOR_EVERY_MS = 5_000;

/** Seals what has committed, anchors the head, and runs in the background of every instance. */
export class AuditSealer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SealRound> | null = null;
  private lastAnchoredAt = 0;
  private lastAnchoredSeq: string | null = null;

  private readonly db: Kysely<Database>;
  readonly anchorage: AuditAnchorage;
  private readonly log: (error: unknown) => void;

  constructor(db: Kysely<Database>, anchorage: AuditAnchorage, log: (error: unknown) => void) {
    this.db = db;
    this.anchorage = anchorage;
    this.log = log;
  }

  /**
   * Seals everything committed so far, batch by batch. Concurrent callers in this process share one
   * run; another instance holding the lock makes this a no-op (it is sealing the same rows).
   */
  seal(options: { anchor?: boolean } = {}): Promise<SealRound> {
    const run = (this.running ??= this.sealAll().finally(() => (this.running = null)));
    return options.anchor
      ? run.then(async (round) => (await this.anchor(round.head, true), round))
      : run;
  }

  private async sealAll(): Promise<SealRound> {
    let total: SealRound = { ran: false, sealed: 0, head: null };
    for (;;) {
      const round = await sealBatch(this.db, this.anchorage);
      total = {
        ran: total.ran || round.ran,
        sealed: total.sealed + round.sealed,
        head: round.head ?? total.head,
      };
      if (!round.more) break;
    }
    await this.anchor(total.head, false);
    return total;
  }

  /**
   * Appends the head to the anchor file when it moved (at most every few seconds unless forced). Never
   * anchors a head behind the newest anchor, nor one whose chain no longer holds the anchored hash:
   * that would launder deleted or rewritten history, which verify must report instead.
   */
  async anchor(head: SealHead | null, force: boolean): Promise<void> {
    if (!head || head.seq === this.lastAnchoredSeq) return;
    if (!force && Date.now() - this.lastAnchoredAt < ANCHOR_EVERY_MS) return;
    const latest = await this.anchorage.latest();
    if (latest) {
      if (BigInt(head.seq) <= BigInt(latest.seq)) return;
      const { rows } = await sql<{
        hash: string;
      }>`SELECT hash FROM audit_seals WHERE seq = ${latest.seq}::bigint`.execute(this.db);
      if (rows[0]?.hash !== latest.hash) return;
    }
    await this.anchorage.append({ seq: head.seq, hash: head.hash, at: new Date().toISOString() });
    this.lastAnchoredAt = Date.now();
    this.lastAnchoredSeq = head.seq;
  }

  /** Seals every `intervalMs` until stopped; errors are logged and the next tick retries. */
  start(intervalMs: number): void {
    if (this.timer || intervalMs <= 0) return;
    this.timer = setInterval(() => void this.seal().catch(this.log), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }
}
