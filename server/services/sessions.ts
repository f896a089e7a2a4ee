import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role, SessionUser } from '../../domain/index.ts';
import type { NoticedCache } from '../db/change-notices.ts';
import { preparedStatement } from '../db/prepared.ts';
import type { Database } from '../db/schema.ts';

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = 'ft_session';
/** Only touch `last_seen_at` when it is older than this, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 30_000;

export interface ActiveSession {
  id: string;
  user: SessionUser;
  csrfToken: string;
}

export type SessionLookup =
  | { kind: 'active'; session: ActiveSession }
  | { kind: 'missing' }
  | { kind: 'expired-idle' }
  | { kind: 'ended' };

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Opens a session; returns the cookie token (only its hash is stored) and the CSRF token. */
export async function createSession(
  db: Kysely<Database>,
  userId: string,
  ip: string,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      ip,
      last_seen_at: new Date(),
    })
    .execute();
  return { token, csrfToken };
}

export interface SessionRow {
  id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
  user_id: string;
  username: string;
  name: string;
  role: string;
  active: boolean;
}

/** Every authenticated request runs this first: prepared once per connection (db/prepared.ts). */
const sessionByToken = preparedStatement<SessionRow>(
  `SELECT s.id, s.csrf_token, s.created_at, s.last_seen_at, s.ended_at, s.end_reason,
    u.id AS user_id, u.username, u.name, u.role, u.active
  FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
);

/** Sessions as last read, by token hash (db/change-notices.ts): only active ones are kept. */
export type SessionCache = NoticedCache<string, SessionRow>;

/**
 * Finds the session behind a cookie token. A session idle for longer than `idleMinutes` is ended
 * (automatic logoff, security baseline) and reported as such so the client can say why; one older
 * than `maxHours` since sign-in is ended as well (absolute lifetime). With a `cache`, a session read
 * less than 30 s after its last recorded activity is not read again while no change notice has
 * come (its end, its user's deactivation or role change each send one); after that it is read and
 * its activity recorded, as without a cache.
 */
export async function lookupSession(
  db: Kysely<Database>,
  token: string | undefined,
  idleMinutes: number,
  now = new Date(),
  maxHours = 12,
  cache?: SessionCache,
): Promise<SessionLookup> {
  if (!token) return { kind: 'missing' };
  const hash = sha256(token);
  const kept = cache?.peek(hash);
  if (kept && now.getTime() - new Date(kept.last_seen_at).getTime() <= TOUCH_INTERVAL_MS)
    return checked(db, kept, idleMinutes, now, maxHours); // the lifetime may have run out meanwhile
  const stamp = cache?.stamp();
  const [row] = await sessionByToken(db, [hash]);
  if (!row) return { kind: 'missing' };
  const found = await checked(db, row, idleMinutes, now, maxHours);
  if (found.kind === 'active' && cache && stamp) cache.put(hash, row, stamp);
  return found;
}

/** A session row checked against the lifetime and idle limits; records its activity when due. */
async function checked(
  db: Kysely<Database>,
  row: SessionRow,
  idleMinutes: number,
  now: Date,
  maxHours: number,
): Promise<SessionLookup> {
  if (row.ended_at) return row.end_reason === 'idle' ? { kind: 'expired-idle' } : { kind: 'ended' };
  if (!row.active) {
    await endSession(db, String(row.id), 'deactivated');
    return { kind: 'ended' };
  }
  // Absolute lifetime: activity never keeps a session open past `maxHours` (a stolen cookie ends too).
  if (now.getTime() - new Date(row.created_at).getTime() > maxHours * 3_600_000) {
    await endSession(db, String(row.id), 'lifetime');
    return { kind: 'ended' };
  }
  const idleMs = now.getTime() - new Date(row.last_seen_at).getTime();
  if (idleMs > idleMinutes * 60_000) {
    await endSession(db, String(row.id), 'idle');
    return { kind: 'expired-idle' };
  }
  if (idleMs > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
    row.last_seen_at = now;
  }
  return {
    kind: 'active',
    session: {
      id: String(row.id),
      csrfToken: row.csrf_token,
      user: {
        id: String(row.user_id),
        username: row.username,
        name: row.name,
        role: row.role as Role,
      },
    },
  };
}

/** Ends one session (logout, idle, deactivation). */
export async function endSession(
  db: Kysely<Database>,
  sessionId: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: new Date(), end_reason: reason })
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
}

/** Ends every open session of a user (deactivation, role change, password reset). */
export async function endUserSessions(
  db: Kysely<Database>,
  userId: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: new Date(), end_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
}
