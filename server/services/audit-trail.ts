import { createHash } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';
import type { AuditAction } from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { canonicalJson } from './canonical-json.ts';

/** What a caller says about an event; the trail adds time, and the sealer its chain position and hashes. */
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

/** The columns a request writes (the rest are defaults: id, xid) and their values, in one order. */
const AUDIT_COLUMN_LIST =
  'at, actor_id, actor_username, action, entity, entity_id, patient_id, ip, details';

/** The values of AUDIT_COLUMN_LIST for one event, as statement parameters (details last, as JSON text). */
export function auditParameters(entry: AuditEntry): unknown[] {
  return [
    new Date(),
    entry.actorId,
    entry.actorUsername,
    entry.action,
    entry.entity ?? null,
    entry.entityId ?? null,
    entry.patientId ?? null,
    entry.ip ?? null,
    canonicalJson(entry.details ?? {}),
  ];
}

/** The placeholders of auditParameters in a fixed statement text, numbered from `first`. */
function auditPlaceholders(first: number): string {
  return Array.from({ length: 9 }, (_, i) => `$${first + i}${i === 8 ? '::jsonb' : ''}`).join(', ');
}

/** The statement appendAudit sends, its text fixed (compiled once, not per event: issue 11). */
const APPEND_AUDIT = `INSERT INTO audit_events (${AUDIT_COLUMN_LIST}) VALUES (${auditPlaceholders(1)})`;

/**
 * Appends one event. Call it with the transaction that makes the change it records, so the change
 * and its audit row commit or fail together (design.md, Data). It takes no lock: the row is a plain
 * insert (its `xid` column records the writing transaction), and the sealer chains it after commit
 * (docs/adr/0006-audit-sealed-after-commit.md), so unrelated requests never queue behind each other.
 */
export async function appendAudit(tx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await tx.executeQuery(CompiledQuery.raw(APPEND_AUDIT, auditParameters(entry)));
}

/**
 * The event as the body of a data-modifying CTE, for a read that is one fixed statement (`WITH
 * audited AS (...) SELECT ...`): the row is written when `found` (SQL text) returns a row, and
 * commits with the statement that carries it, so a read and its audit row need no BEGIN/COMMIT
 * round trips (issue 11). PostgreSQL runs a data-modifying CTE even when the main query does not
 * refer to it. Its values are auditParameters(entry), as parameters numbered from `first`.
 */
export function auditWhenFound(first: number, found: string): string {
  return `INSERT INTO audit_events (${AUDIT_COLUMN_LIST})
    SELECT ${auditPlaceholders(first)} WHERE EXISTS (${found})`;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that its seal covers (all of them, id included). */
export interface SealedEventFields {
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
}

/** SHA-256 over the previous seal's hash, the chain position and every field of the event. */
export function sealHash(prevHash: string, seq: string, row: SealedEventFields): string {
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
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(seq)
    .update('\n')
    .update(body)
    .digest('hex');
}
