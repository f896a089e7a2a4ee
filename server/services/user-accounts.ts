import { type Kysely, type Selectable, sql } from 'kysely';
import type * as z from 'zod';
import type {
  UserCreateSchema,
  UserListQuerySchema,
  UserUpdateSchema,
  UserView,
} from '../../domain/index.ts';
import { likePrefix } from '../db/like-pattern.ts';
import type { Database, UsersTable } from '../db/schema.ts';
import { notFound, versionConflict } from '../http-problem.ts';
import { lockIsActive } from './login-throttle.ts';

type Tx = Kysely<Database>;
type UserRow = Selectable<UsersTable>;

/** A user row as the API shows it (never the password hash). */
export function toUserView(row: UserRow): UserView {
  return {
    id: String(row.id),
    username: row.username,
    name: row.name,
    role: row.role as UserView['role'],
    active: row.active,
    locked: lockIsActive(row.locked_at),
    failedLogins: row.failed_logins,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

/** One page of users, by username; `q` matches the start of the username or the name. */
export async function listUsers(
  db: Tx,
  { q, page, pageSize }: z.output<typeof UserListQuerySchema>,
): Promise<{ items: UserView[]; total: number; page: number; pageSize: number }> {
  let query = db.selectFrom('users');
  if (q?.trim()) {
    const pattern = likePrefix(q.trim().toLowerCase());
    query = query.where((eb) =>
      eb.or([eb('username', 'like', pattern), eb(sql<string>`lower(name)`, 'like', pattern)]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('username')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUserView), total: Number(count.n), page, pageSize };
}

/** Inserts a user (a taken username raises the driver's unique violation for the route to answer). */
export function insertUser(
  tx: Tx,
  body: Omit<z.output<typeof UserCreateSchema>, 'password'>,
  passwordHash: string,
): Promise<UserRow> {
  return tx
    .insertInto('users')
    .values({
      username: body.username,
      name: body.name,
      role: body.role,
      password_hash: passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The user row locked for a change, or 404; 409 (with the current view) when `version` is stale. */
export async function lockUserAtVersion(tx: Tx, id: string, version: number): Promise<UserRow> {
  const before = await tx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw notFound('The user');
  if (before.version !== version) throw versionConflict(toUserView(before));
  return before;
}

type UserChanges = Omit<z.output<typeof UserUpdateSchema>, 'version' | 'unlock'>;

/** Writes name/role/active changes (and an unlock) on a locked row, bumping its version. */
export function updateUser(
  tx: Tx,
  before: UserRow,
  changes: UserChanges,
  unlock: boolean | undefined,
): Promise<UserRow> {
  return tx
    .updateTable('users')
    .set({
      ...changes,
      ...(unlock ? { locked_at: null, failed_logins: 0 } : {}),
      updated_at: new Date(),
      version: before.version + 1,
    })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets a new password on a locked row; a reset also unlocks the account. */
export function resetUserPassword(tx: Tx, before: UserRow, passwordHash: string): Promise<UserRow> {
  return tx
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      locked_at: null,
      failed_logins: 0,
      updated_at: new Date(),
      version: before.version + 1,
    })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
