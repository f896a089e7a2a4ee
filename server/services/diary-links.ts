import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import { diaryLinkExpiresAt, diaryLinkStatus, type DiaryLinkStatus } from '../../domain/index.ts';
import type { Database, DiaryLinksTable, ProceduresTable } from '../db/schema.ts';
import { notFound } from '../http-problem.ts';
import { iso, type Names, userNames } from './clinical-rows.ts';

/** 32 random bytes (256 bits, issue 15 asks for at least 128), URL-safe: 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The stored form of a token: like session tokens, only the SHA-256 is kept. */
export function hashDiaryToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type DiaryLinkRow = Selectable<DiaryLinksTable>;

/**
 * Issues a new link for a procedure's diary. Earlier live links of the same procedure are revoked in
 * the same transaction: a re-issued sheet replaces a lost one, so only one link is ever open.
 */
export async function issueDiaryLink(
  tx: Kysely<Database>,
  procedure: Selectable<ProceduresTable>,
  diaryMinutes: readonly number[],
  graceHours: number,
  userId: string,
  now = new Date(),
): Promise<{ row: DiaryLinkRow; token: string; revokedIds: string[] }> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const revoked = await tx
    .updateTable('diary_links')
    .set({ revoked_at: now, revoked_by: userId })
    .where('procedure_id', '=', String(procedure.id))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .execute();
  const row = await tx
    .insertInto('diary_links')
    .values({
      procedure_id: String(procedure.id),
      token_hash: hashDiaryToken(token),
      created_by: userId,
      expires_at: diaryLinkExpiresAt(procedure.performed_at, diaryMinutes, graceHours),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, token, revokedIds: revoked.map((r) => String(r.id)) };
}

export type ResolvedLink =
  | { kind: 'unknown' }
  | { kind: Exclude<DiaryLinkStatus, 'active'>; link: DiaryLinkRow }
  | { kind: 'active'; link: DiaryLinkRow };

/**
 * The link a token names and its status now. `lock` takes the row lock, so a patient's writes on one
 * link and a revocation are serialised (a revoked link never writes after the revocation commits).
 */
export async function resolveDiaryToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
  lock = false,
): Promise<ResolvedLink> {
  if (!TOKEN_SHAPE.test(token)) return { kind: 'unknown' };
  let query = db
    .selectFrom('diary_links')
    .selectAll()
    .where('token_hash', '=', hashDiaryToken(token));
  if (lock) query = query.forUpdate();
  const link = await query.executeTakeFirst();
  if (!link) return { kind: 'unknown' };
  return {
    kind: diaryLinkStatus({ expiresAt: link.expires_at, revokedAt: link.revoked_at }, now),
    link,
  };
}

/** The audit actor name of a link: the link, never the patient (issue 15: "the link as the actor"). */
export const linkActor = (linkId: string) => `diary-link:${linkId}`;

/** Limits for the public diary routes; a guessed 256-bit token is hopeless, these stop floods. */
export const DIARY_RATE_LIMITS = {
  windowMinutes: 10,
  /** Requests from one address within the window (a diary needs a handful per time point). */
  perAddress: 60,
  /** Unknown, revoked or expired tokens from one address within the window. */
  failuresPerAddress: 10,
} as const;

/**
 * Sliding-window counts per client address, in the database like login throttling (ADR 0003: several
 * server instances share one database, so no counter lives in memory).
 */
export const diaryRateLimit = {
  /** Counts this request; returns the seconds to wait when the address is over a limit, else 0. */
  async hit(
    db: Kysely<Database>,
    ip: string,
    now = new Date(),
    limits = DIARY_RATE_LIMITS,
  ): Promise<number> {
    const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
    const { rows } = await sql<{ requests: number; failures: number; oldest: Date | null }>`
      SELECT count(*) FILTER (WHERE NOT failed)::int AS requests, count(*) FILTER (WHERE failed)::int AS failures, min(at) AS oldest
      FROM diary_link_attempts WHERE ip = ${ip} AND at > ${since}`.execute(db);
    const { requests, failures, oldest } = rows[0]!;
    if (requests >= limits.perAddress || failures >= limits.failuresPerAddress) {
      const freeAt = new Date(oldest ?? now).getTime() + limits.windowMinutes * 60_000;
      return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
    }
    await db.insertInto('diary_link_attempts').values({ ip, at: now }).execute();
    return 0;
  },
  /** Counts a request that named no usable link (unknown, revoked or expired). */
  async fail(db: Kysely<Database>, ip: string, now = new Date()): Promise<void> {
    await db.insertInto('diary_link_attempts').values({ ip, at: now, failed: true }).execute();
  },
};

/** A host header that is only a host name or address and a port: nothing that could carry a path. */
const PLAIN_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Where the printed link points. The configured public address (FT_PUBLIC_URL) when set: the Host
 * header is the client's to write, and a sheet the patient takes home must not carry whatever a
 * proxy or a crafted request put there. Without it (a single machine, demo mode) the request's own
 * host is used when it is a plain host name, else the server's bind address.
 */
export function diaryLinkBase(
  config: { publicUrl: string | null; host: string; port: number },
  request: { protocol: string; host: string },
): string {
  if (config.publicUrl) return config.publicUrl;
  if (PLAIN_HOST.test(request.host) && ['http', 'https'].includes(request.protocol))
    return `${request.protocol}://${request.host}`;
  return `http://${config.host}:${config.port}`;
}

/** A link as staff see it (never the token): who issued it, until when, and whether it still opens. */
export function diaryLinkView(row: DiaryLinkRow, names: Names, now = new Date()) {
  return {
    id: String(row.id),
    createdAt: iso(row.created_at),
    createdByName: names.get(String(row.created_by)) ?? 'Unknown',
    expiresAt: iso(row.expires_at),
    revokedAt: row.revoked_at ? iso(row.revoked_at) : null,
    status: diaryLinkStatus({ expiresAt: row.expires_at, revokedAt: row.revoked_at }, now),
  };
}

/** A procedure's links, newest first, as staff see them. */
export async function procedureDiaryLinkViews(
  tx: Kysely<Database>,
  procedureId: string,
): Promise<ReturnType<typeof diaryLinkView>[]> {
  const rows = await tx
    .selectFrom('diary_links')
    .selectAll()
    .where('procedure_id', '=', procedureId)
    .orderBy('id', 'desc')
    .execute();
  const names = await userNames(
    tx,
    rows.map((r) => r.created_by),
  );
  return rows.map((r) => diaryLinkView(r, names));
}

/** The link locked for a change, or 404. */
export async function lockDiaryLink(tx: Kysely<Database>, id: string): Promise<DiaryLinkRow> {
  const link = await tx
    .selectFrom('diary_links')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!link) throw notFound('The diary link');
  return link;
}

/** Revokes a locked link (once: an already revoked one stays as it was); the row is kept. */
export async function revokeDiaryLink(
  tx: Kysely<Database>,
  link: DiaryLinkRow,
  userId: string,
): Promise<ReturnType<typeof diaryLinkView>> {
  const row = link.revoked_at
    ? link
    : await tx
        .updateTable('diary_links')
        .set({ revoked_at: new Date(), revoked_by: userId })
        .where('id', '=', link.id)
        .returningAll()
        .executeTakeFirstOrThrow();
  return diaryLinkView(row, await userNames(tx, [row.created_by]));
}
