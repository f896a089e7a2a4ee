import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { AuditAction, AuditVerifyResult } from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { canonicalJson } from './canonical-json.ts';

/** What a caller says about an event; the trail adds time, chain position and hashes. */
export interface AuditEntry {
  actorId: string | null;
  actorUsername: string | null;
  action: AuditAction;
  entity?: string | null;
  entityId?: string | null;
  patientId?: string | null;
  ip?: string | null;
  /** Never patient names or other identifiers beyond ids (security baseline). */
  details?: Record<string, unknown>;
}

const GENESIS_HASH = '0'.repeat(64);
/** Advisory lock that serialises appends, so two transactions never chain onto the same row. */
const AUDIT_CHAIN_LOCK_KEY = 7_301_002;

interface ChainedFields {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  patient_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
}

/** SHA-256 over the previous hash and every field of the row, id included. */
function eventHash(row: ChainedFields): string {
  const body = canonicalJson({
    id: String(row.id),
    at: row.at.toISOString(),
    actor_id: row.actor_id === null ? null : String(row.actor_id),
    actor_username: row.actor_username,
    action: row.action,
    entity: row.entity,
    entity_id: row.entity_id,
    patient_id: row.patient_id,
    ip: row.ip,
    details: row.details,
  });
  return createHash('sha256').update(row.prev_hash).update('\n').update(body).digest('hex');
}

/**
 * Appends one event. Call it with the transaction that makes the change it records, so the change
 * and its audit row commit or fail together (design.md, Data).
 */
export async function appendAudit(tx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`.execute(tx);
  const last = await tx.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const { rows } = await sql<{ id: string }>`SELECT nextval(pg_get_serial_sequence('audit_events', 'id'))::text AS id`.execute(tx);
  const row: ChainedFields = {
    id: rows[0]!.id,
    at: new Date(),
    actor_id: entry.actorId,
    actor_username: entry.actorUsername,
    action: entry.action,
    entity: entry.entity ?? null,
    entity_id: entry.entityId ?? null,
    patient_id: entry.patientId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = eventHash(row);
  await sql`INSERT INTO audit_events (id, at, actor_id, actor_username, action, entity, entity_id, patient_id,
      ip, details, prev_hash, hash) OVERRIDING SYSTEM VALUE
    VALUES (${row.id}, ${row.at}, ${row.actor_id}, ${row.actor_username}, ${row.action}, ${row.entity},
      ${row.entity_id}, ${row.patient_id}, ${row.ip}, ${canonicalJson(row.details)}::jsonb, ${row.prev_hash}, ${hash})`.execute(tx);
}

/**
 * Walks the whole chain in id order. An edited row no longer matches its hash; a deleted or inserted
 * row breaks the next row's link to its predecessor. Reports the first broken row.
 */
export async function verifyAuditChain(db: Kysely<Database>, batchSize = 1000): Promise<AuditVerifyResult> {
  let prevHash = GENESIS_HASH;
  let afterId = '0';
  let checked = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    for (const row of batch) {
      const fields: ChainedFields = { ...row, id: String(row.id), details: row.details };
      if (row.prev_hash !== prevHash) {
        return { ok: false, checked, firstBrokenId: fields.id, reason: 'The link to the previous event is broken: an event before it was removed or altered.' };
      }
      if (eventHash(fields) !== row.hash) {
        return { ok: false, checked, firstBrokenId: fields.id, reason: 'The event was altered after it was written.' };
      }
      prevHash = row.hash;
      checked++;
    }
    if (batch.length < batchSize) return { ok: true, checked };
    afterId = String(batch[batch.length - 1]!.id);
  }
}
