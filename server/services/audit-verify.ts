import { type Kysely, sql } from 'kysely';
import type { AuditProblem, AuditVerifyResult } from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import type { AuditAnchorage } from './audit-anchor.ts';
import type { SealHead } from './audit-seal.ts';
import { GENESIS_HASH, sealHash } from './audit-trail.ts';

/** Seals read per query. */
const BATCH = 2000;
/** Seals one full-check request covers; the client calls again from nextSeq and shows progress. */
export const FULL_CHUNK = 50_000;
/** Problems listed in one report (the count says how many there were). */
const MAX_LISTED = 20;

interface SealJoinRow {
  seq: string;
  event_id: string;
  prev_hash: string;
  hash: string;
  mac: string;
  id: string | null;
  at: Date | string | null;
  actor_id: string | null;
  actor_username: string | null;
  action: string | null;
  entity: string | null;
  entity_id: string | null;
  patient_id: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

class Findings {
  readonly listed: AuditProblem[] = [];
  count = 0;
  add(problem: AuditProblem): void {
    this.count++;
    if (this.listed.length < MAX_LISTED) this.listed.push(problem);
  }
}

/**
 * Checks seals after `from` (whose hash is `fromHash`) up to `limit` of them. Each seal must follow
 * the previous position, link to its hash, carry a MAC made with the practice's key, and match its
 * event. After a problem the walk goes on from the stored hash, so one tampered row is one finding.
 */
async function walk(
  db: Kysely<Database>,
  anchorage: AuditAnchorage,
  from: string,
  fromHash: string,
  limit: number,
  findings: Findings,
) {
  let prevSeq = BigInt(from);
  let prevHash = fromHash;
  let checked = 0;
  while (checked < limit) {
    const { rows } = await sql<SealJoinRow>`
      SELECT s.seq::text AS seq, s.event_id::text AS event_id, s.prev_hash, s.hash, s.mac, e.id::text AS id, e.at,
        e.actor_id::text AS actor_id, e.actor_username, e.action, e.entity, e.entity_id, e.patient_id, e.ip, e.details
      FROM audit_seals s LEFT JOIN audit_events e ON e.id = s.event_id
      WHERE s.seq > ${String(prevSeq)}::bigint ORDER BY s.seq LIMIT ${Math.min(BATCH, limit - checked)}`.execute(
      db,
    );
    for (const row of rows) {
      const seq = BigInt(row.seq);
      const at = { seq: row.seq, eventId: row.event_id };
      if (seq !== prevSeq + 1n) {
        findings.add({
          kind: 'removed',
          ...at,
          message: `Events at chain positions ${prevSeq + 1n} to ${seq - 1n} were removed together with their seals.`,
        });
      } else if (row.prev_hash !== prevHash) {
        findings.add({
          kind: 'link-broken',
          ...at,
          message:
            'The link to the previous event is broken: an event before it was removed or altered.',
        });
      }
      if (!anchorage.macMatches(row.seq, row.hash, row.mac)) {
        findings.add({
          kind: 'forged',
          ...at,
          message:
            "The seal was not made with the practice's audit key: the history was rewritten with recomputed hashes.",
        });
      }
      if (row.id === null) {
        findings.add({
          kind: 'removed',
          ...at,
          message: 'The event was deleted after it was sealed.',
        });
      } else if (
        sealHash(row.prev_hash, row.seq, {
          ...row,
          id: row.id,
          at: new Date(row.at!),
          action: row.action!,
          details: row.details ?? {},
        }) !== row.hash
      ) {
        findings.add({
          kind: 'altered',
          ...at,
          message: 'The event was altered after it was written.',
        });
      }
      prevSeq = seq;
      prevHash = row.hash;
      checked++;
    }
    if (rows.length === 0) break;
  }
  return { checked, last: { seq: String(prevSeq), hash: prevHash } };
}

async function headOf(db: Kysely<Database>): Promise<SealHead | null> {
  const { rows } =
    await sql<SealHead>`SELECT s.seq::text AS seq, s.hash FROM audit_seals s ORDER BY s.seq DESC LIMIT 1`.execute(
      db,
    );
  return rows[0] ?? null;
}

async function hashAt(db: Kysely<Database>, seq: string): Promise<string | null> {
  if (seq === '0') return GENESIS_HASH;
  const { rows } = await sql<{
    hash: string;
  }>`SELECT hash FROM audit_seals WHERE seq = ${seq}::bigint`.execute(db);
  return rows[0]?.hash ?? null;
}

/** Events written after the last seal (their transaction was running when the sealer looked). */
async function pendingCount(db: Kysely<Database>): Promise<number> {
  const last = (
    await sql<{ xid: string; id: string }>`
    SELECT event_xid::text AS xid, event_id::text AS id FROM audit_seals ORDER BY seq DESC LIMIT 1`.execute(
      db,
    )
  ).rows[0];
  const after = last ? sql`WHERE (xid, id) > (${last.xid}::xid8, ${last.id}::bigint)` : sql``;
  const { rows } = await sql<{
    n: string;
  }>`SELECT count(*)::text AS n FROM audit_events ${after}`.execute(db);
  return Number(rows[0]!.n);
}

/** The newest head anchored outside the database must still be in the chain, with the same hash. */
async function checkAnchor(
  db: Kysely<Database>,
  anchorage: AuditAnchorage,
  head: SealHead | null,
  findings: Findings,
) {
  const anchor = await anchorage.latest();
  if (anchor) {
    const hash = await hashAt(db, anchor.seq);
    if (hash === null || !head || BigInt(head.seq) < BigInt(anchor.seq)) {
      findings.add({
        kind: 'newest-removed',
        seq: anchor.seq,
        eventId: null,
        message: `The chain ends at position ${head?.seq ?? 0}, but position ${anchor.seq} was anchored outside the database at ${anchor.at}: the newest events were deleted.`,
      });
    } else if (hash !== anchor.hash) {
      findings.add({
        kind: 'anchor-mismatch',
        seq: anchor.seq,
        eventId: null,
        message: `Position ${anchor.seq} no longer has the hash anchored outside the database at ${anchor.at}: the history was rewritten.`,
      });
    }
  }
  return anchor;
}

/** Events that no seal covers although the sealer has passed them: inserted into the past. */
async function checkUnsealed(
  db: Kysely<Database>,
  head: SealHead | null,
  pending: number,
  findings: Findings,
) {
  const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_events`.execute(
    db,
  );
  const extra = Number(rows[0]!.n) - Number(head?.seq ?? 0) - pending;
  if (extra > 0) {
    findings.add({
      kind: 'unsealed',
      seq: null,
      eventId: null,
      message: `${extra} events carry no seal although later events are sealed: they were inserted afterwards.`,
    });
  }
}

function report(
  base: Omit<AuditVerifyResult, 'ok' | 'firstBrokenId' | 'reason' | 'problems' | 'problemCount'>,
  findings: Findings,
): AuditVerifyResult {
  const first = findings.listed[0];
  return {
    ...base,
    ok: findings.count === 0,
    ...(first
      ? { firstBrokenId: first.eventId ?? first.seq ?? undefined, reason: first.message }
      : {}),
    problems: findings.listed,
    problemCount: findings.count,
  };
}

/**
 * Incremental verify: from the newest checkpoint whose MAC is valid and whose hash is still in the
 * chain (else from the start), to the head; then the anchor. An intact run writes a new checkpoint.
 * Rows before the checkpoint were verified when it was written; a full check re-reads them.
 */
export async function verifyIncremental(
  db: Kysely<Database>,
  anchorage: AuditAnchorage,
): Promise<AuditVerifyResult> {
  const findings = new Findings();
  const { rows } = await sql<{ seq: string; hash: string; mac: string }>`
    SELECT seq::text AS seq, hash, mac FROM audit_checkpoints ORDER BY id DESC LIMIT 1`.execute(db);
  let from = '0';
  let fromHash = GENESIS_HASH;
  const checkpoint = rows[0];
  if (
    checkpoint &&
    anchorage.macMatches(checkpoint.seq, checkpoint.hash, checkpoint.mac) &&
    (await hashAt(db, checkpoint.seq)) === checkpoint.hash
  ) {
    from = checkpoint.seq;
    fromHash = checkpoint.hash;
  }
  const { checked } = await walk(db, anchorage, from, fromHash, Number.MAX_SAFE_INTEGER, findings);
  const head = await headOf(db);
  const anchor = await checkAnchor(db, anchorage, head, findings);
  const pending = await pendingCount(db);
  if (findings.count === 0 && head && head.seq !== checkpoint?.seq) {
    await sql`INSERT INTO audit_checkpoints (seq, hash, mac) VALUES (${head.seq}::bigint, ${head.hash}, ${anchorage.mac(head.seq, head.hash)})`.execute(
      db,
    );
  }
  return report(
    {
      mode: 'incremental',
      checked,
      from,
      total: Number(head?.seq ?? 0),
      pending,
      head,
      anchor,
      anchorStore: anchorage.where,
    },
    findings,
  );
}

/**
 * One chunk of a full check, from chain position `from`: the client calls again with nextSeq until
 * it is null, so the admin page can show progress and no request runs for long. The last chunk also
 * checks the anchor and that no event escaped sealing.
 */
export async function verifyFullChunk(
  db: Kysely<Database>,
  anchorage: AuditAnchorage,
  from: string,
  chunk = FULL_CHUNK,
): Promise<AuditVerifyResult> {
  const findings = new Findings();
  const fromHash = await hashAt(db, from);
  if (fromHash === null) {
    findings.add({
      kind: 'removed',
      seq: from,
      eventId: null,
      message: `Chain position ${from} is missing.`,
    });
    return report({ mode: 'full', checked: 0, from, nextSeq: null }, findings);
  }
  const { checked, last } = await walk(db, anchorage, from, fromHash, chunk, findings);
  const head = await headOf(db);
  const done = checked < chunk || !head || last.seq === head.seq;
  const base = {
    mode: 'full' as const,
    checked,
    from,
    nextSeq: done ? null : last.seq,
    total: Number(head?.seq ?? 0),
    head,
    anchorStore: anchorage.where,
  };
  if (!done) return report(base, findings);
  const anchor = await checkAnchor(db, anchorage, head, findings);
  const pending = await pendingCount(db);
  await checkUnsealed(db, head, pending, findings);
  return report({ ...base, anchor, pending }, findings);
}
