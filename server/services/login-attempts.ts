import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Advisory-lock namespace for sign-in attempts (one lock per username). */
const LOGIN_LOCK_KEY = 7_301_003;

/** Holds the per-username sign-in lock until `tx` ends, so parallel guesses are counted in turn. */
export async function lockLoginAttempts(tx: Kysely<Database>, username: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${LOGIN_LOCK_KEY}, hashtext(${username}))`.execute(tx);
}

/** Records an attempt as failed until proven otherwise; returns its id for `markLoginSucceeded`. */
export async function reserveLoginAttempt(
  tx: Kysely<Database>,
  username: string,
  ip: string,
): Promise<string> {
  const row = await tx
    .insertInto('login_attempts')
    .values({ username, ip, success: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The account a (trimmed, lower-cased) username names, if any. */
export function userByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Marks the reserved attempt a success and clears the account's failure count and lock. */
export async function markLoginSucceeded(
  tx: Kysely<Database>,
  attemptId: string,
  userId: string,
): Promise<void> {
  await tx
    .updateTable('login_attempts')
    .set({ success: true })
    .where('id', '=', attemptId)
    .execute();
  await tx
    .updateTable('users')
    .set({ failed_logins: 0, locked_at: null, last_login_at: new Date() })
    .where('id', '=', userId)
    .execute();
}
