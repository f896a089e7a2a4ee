import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** How long operational rows are kept. Clinical rows and the audit trail are never pruned. */
export const RETENTION = {
  /** Login attempts only feed the 15-minute throttle window. */
  loginAttemptsDays: 1,
  /** Ended or long-idle sessions. */
  sessionsDays: 30,
} as const;

/**
 * Deletes login attempts and sessions past their retention. Sessions and login attempts are not
 * patient data and the audit trail keeps every sign-in, so nothing clinical is lost.
 */
export async function pruneOperationalRows(
  db: Kysely<Database>,
  now = new Date(),
): Promise<{ loginAttempts: number; sessions: number }> {
  const attemptsBefore = new Date(now.getTime() - RETENTION.loginAttemptsDays * 86_400_000);
  const sessionsBefore = new Date(now.getTime() - RETENTION.sessionsDays * 86_400_000);
  const attempts = await db
    .deleteFrom('login_attempts')
    .where('at', '<', attemptsBefore)
    .executeTakeFirst();
  await db.deleteFrom('diary_link_attempts').where('at', '<', attemptsBefore).execute();
  const sessions = await db
    .deleteFrom('sessions')
    .where('last_seen_at', '<', sessionsBefore)
    .executeTakeFirst();
  return {
    loginAttempts: Number(attempts.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
  };
}
