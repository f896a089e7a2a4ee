import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Throttling and lockout limits (security baseline; OWASP Authentication Cheat Sheet, issue 10
 * defect 6). Guessing is slowed per (username, address) pair, so wrong passwords typed elsewhere never
 * block the owner; the per-address limit stays against one address spraying many usernames; the
 * account lock expires on its own, never locks out the last active admin, and does not apply from an
 * address the user has signed in from before.
 */
export const LOGIN_LIMITS = {
  /** Sliding window over which failures are counted. */
  windowMinutes: 15,
  /** Failures of one (username, address) pair within the window that cost no delay. */
  freePairFailures: 3,
  /** Delay after the first failure past the free ones; doubles with each further failure. */
  baseDelaySeconds: 2,
  /** Longest delay between attempts of one pair. */
  maxDelaySeconds: 15 * 60,
  /** Failures from one address within the window before further attempts get 429. */
  perAddress: 20,
  /** Consecutive failures that lock the account. */
  lockAfter: 10,
  /** How long a lock lasts (an admin can lift it sooner with a password reset). */
  lockMinutes: 30,
} as const;

/** Delay owed after `failures` failures of one pair: none for the free ones, then doubling to the cap. */
export function pairDelaySeconds(failures: number): number {
  if (failures < LOGIN_LIMITS.freePairFailures) return 0;
  const doublings = Math.min(failures - LOGIN_LIMITS.freePairFailures, 30);
  return Math.min(LOGIN_LIMITS.baseDelaySeconds * 2 ** doublings, LOGIN_LIMITS.maxDelaySeconds);
}

/** Seconds until the next attempt of this (username, address) is allowed, or 0 when it may go ahead now. */
export async function loginRetryAfterSeconds(
  db: Kysely<Database>,
  username: string,
  ip: string,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const { rows } = await sql<{
    key: string;
    failures: number;
    oldest: Date | null;
    newest: Date | null;
  }>`
    SELECT 'pair' AS key, count(*)::int AS failures, min(at) AS oldest, max(at) AS newest FROM login_attempts
      WHERE username = ${username} AND ip = ${ip} AND NOT success AND at > ${since}
    UNION ALL
    SELECT 'ip' AS key, count(*)::int AS failures, min(at) AS oldest, max(at) AS newest FROM login_attempts
      WHERE ip = ${ip} AND NOT success AND at > ${since}`.execute(db);
  let wait = 0;
  for (const row of rows) {
    if (row.key === 'pair' && row.newest) {
      const freeAt = new Date(row.newest).getTime() + pairDelaySeconds(row.failures) * 1000;
      wait = Math.max(wait, Math.ceil((freeAt - now.getTime()) / 1000));
    }
    if (row.key === 'ip' && row.failures >= LOGIN_LIMITS.perAddress && row.oldest) {
      const freeAt = new Date(row.oldest).getTime() + LOGIN_LIMITS.windowMinutes * 60_000;
      wait = Math.max(wait, Math.ceil((freeAt - now.getTime()) / 1000));
    }
  }
  return Math.max(wait, 0);
}

/** True while a lock set at `lockedAt` still holds (locks expire after `lockMinutes`). */
export function lockIsActive(lockedAt: Date | string | null, now = new Date()): boolean {
  return (
    lockedAt !== null &&
    now.getTime() - new Date(lockedAt).getTime() < LOGIN_LIMITS.lockMinutes * 60_000
  );
}

/** True when `userId` has signed in successfully from `ip` before. */
export async function isKnownAddress(
  db: Kysely<Database>,
  userId: string,
  ip: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('known_login_addresses')
    .select('ip')
    .where('user_id', '=', userId)
    .where('ip', '=', ip)
    .executeTakeFirst();
  return row !== undefined;
}

/** Remembers a successful sign-in address. */
export async function rememberAddress(
  db: Kysely<Database>,
  userId: string,
  ip: string,
): Promise<void> {
  await db
    .insertInto('known_login_addresses')
    .values({ user_id: userId, ip })
    .onConflict((oc) => oc.columns(['user_id', 'ip']).doUpdateSet({ last_success_at: new Date() }))
    .execute();
}

/** True when `userId` is the only active admin whose account is not locked: locking it would leave no one to unlock. */
export async function isLastActiveAdmin(
  db: Kysely<Database>,
  userId: string,
  now = new Date(),
): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.lockMinutes * 60_000);
  const other = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .where('id', '!=', userId)
    .where((eb) => eb.or([eb('locked_at', 'is', null), eb('locked_at', '<=', since)]))
    .limit(1)
    .executeTakeFirst();
  return other === undefined;
}
