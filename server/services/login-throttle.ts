import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Throttling and lockout limits (security baseline: login throttling and lockout). */
export const LOGIN_LIMITS = {
  /** Sliding window over which failures are counted. */
  windowMinutes: 15,
  /** Failures for one username within the window before further attempts get 429. */
  perUsername: 5,
  /** Failures from one address within the window before further attempts get 429. */
  perAddress: 20,
  /** Consecutive failures that lock the account until an admin unlocks it. */
  lockAfter: 10,
} as const;

/** Seconds until the next attempt is allowed, or 0 when an attempt may go ahead now. */
export async function loginRetryAfterSeconds(db: Kysely<Database>, username: string, ip: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const { rows } = await sql<{ key: string; failures: number; oldest: Date | null }>`
    SELECT 'user' AS key, count(*)::int AS failures, min(at) AS oldest FROM login_attempts
      WHERE username = ${username} AND NOT success AND at > ${since}
    UNION ALL
    SELECT 'ip' AS key, count(*)::int AS failures, min(at) AS oldest FROM login_attempts
      WHERE ip = ${ip} AND NOT success AND at > ${since}`.execute(db);
  let wait = 0;
  for (const row of rows) {
    const limit = row.key === 'user' ? LOGIN_LIMITS.perUsername : LOGIN_LIMITS.perAddress;
    if (row.failures >= limit && row.oldest) {
      const freeAt = new Date(row.oldest).getTime() + LOGIN_LIMITS.windowMinutes * 60_000;
      wait = Math.max(wait, Math.ceil((freeAt - now.getTime()) / 1000));
    }
  }
  return Math.max(wait, 0);
}
