import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Serialises writes that number rows as `max(version) + 1` (issue 10, defect 3): without a lock two
 * transactions read the same maximum and one fails on the unique index with a 500. Each lock is held
 * to the end of the transaction, and the maximum is read after taking it; under READ COMMITTED every
 * statement sees what the other transaction committed, so the second writer gets the next number.
 */

/** Advisory-lock namespace for rule-set versions (one lock per rule-set key). */
const RULE_SET_KEY_LOCK = 7_301_004;

/** Locks one procedure's row for signing its interpretation; false when there is no such procedure. */
export async function lockProcedureForSigning(
  tx: Kysely<Database>,
  procedureId: string,
): Promise<boolean> {
  const row = await tx
    .selectFrom('procedures')
    .select('id')
    .where('id', '=', procedureId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** Locks the version numbering of one rule set (all versions share its key). */
export async function lockRuleSetKey(tx: Kysely<Database>, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${RULE_SET_KEY_LOCK}, hashtext(${key}))`.execute(tx);
}

/** A key for a new rule-set copy: time for readability, 48 random bits so parallel copies never collide. */
export function newRuleSetKey(now = Date.now()): string {
  return `practice-${now.toString(36)}-${randomBytes(6).toString('hex')}`;
}
