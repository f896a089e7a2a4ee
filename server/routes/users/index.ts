import { type Selectable, sql } from 'kysely';
import {
  IdParamsSchema as IdParams,
  pageSchema,
  PasswordResetSchema,
  UserCreateSchema,
  UserListQuerySchema,
  UserUpdateSchema,
  UserViewSchema,
  type UserView,
} from '../../../domain/index.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { likePrefix } from '../../db/like-pattern.ts';
import type { UsersTable } from '../../db/schema.ts';
import { badRequest, HttpProblem, notFound, versionConflict } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { hashPassword } from '../../services/passwords.ts';
import { endUserSessions } from '../../services/sessions.ts';
import type { App } from '../../types.ts';
import { lockIsActive } from '../../services/login-throttle.ts';

const PageOfUsers = pageSchema(UserViewSchema);

function toView(row: Selectable<UsersTable>): UserView {
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

/** User administration (admin only): list, create, change role or name, deactivate, unlock, reset password. */
export async function userRoutes(app: App): Promise<void> {
  const config = { permission: 'users:manage' as const };

  app.get(
    '/api/v1/users',
    {
      config,
      schema: { tags: ['users'], querystring: UserListQuerySchema, response: { 200: PageOfUsers } },
    },
    async (request) => {
      const { q, page, pageSize } = request.query;
      let query = app.db.selectFrom('users');
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
      return { items: rows.map(toView), total: Number(count.n), page, pageSize };
    },
  );

  app.post(
    '/api/v1/users',
    {
      config,
      schema: { tags: ['users'], body: UserCreateSchema, response: { 201: UserViewSchema } },
    },
    async (request, reply) => {
      const admin = sessionOf(request).user;
      const body = request.body;
      const passwordHash = await hashPassword(body.password);
      try {
        const row = await app.db.transaction().execute(async (tx) => {
          const created = await tx
            .insertInto('users')
            .values({
              username: body.username,
              name: body.name,
              role: body.role,
              password_hash: passwordHash,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await app.audit.append(tx, {
            actorId: admin.id,
            actorUsername: admin.username,
            action: 'user.create',
            entity: 'user',
            entityId: String(created.id),
            ip: request.ip,
            details: { username: created.username, role: created.role },
          });
          return created;
        });
        return reply.status(201).send(toView(row));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new HttpProblem({
          status: 409,
          title: 'Username taken',
          code: 'username-taken',
          detail: `The username "${body.username}" is already in use.`,
          errors: [{ path: 'username', message: 'This username is already in use' }],
        });
      }
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config,
      schema: {
        tags: ['users'],
        params: IdParams,
        body: UserUpdateSchema,
        response: { 200: UserViewSchema },
      },
    },
    async (request) => {
      const admin = sessionOf(request).user;
      const { id } = request.params;
      const { version, unlock, ...changes } = request.body;
      if (
        id === admin.id &&
        (changes.active === false || (changes.role && changes.role !== 'admin'))
      ) {
        throw badRequest([
          {
            path: changes.active === false ? 'active' : 'role',
            message: 'You cannot deactivate your own account or remove your own admin role',
          },
        ]);
      }
      return app.db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom('users')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!before) throw notFound('The user');
        if (before.version !== version) throw versionConflict(toView(before));
        const after = await tx
          .updateTable('users')
          .set({
            ...changes,
            ...(unlock ? { locked_at: null, failed_logins: 0 } : {}),
            updated_at: new Date(),
            version: before.version + 1,
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if ((changes.role && changes.role !== before.role) || changes.active === false) {
          await endUserSessions(tx, id, changes.active === false ? 'deactivated' : 'role-changed');
        }
        const changed = Object.fromEntries(
          (['name', 'role', 'active'] as const)
            .filter((k) => changes[k] !== undefined && changes[k] !== before[k])
            .map((k) => [k, { from: before[k], to: after[k] }]),
        );
        await app.audit.append(tx, {
          actorId: admin.id,
          actorUsername: admin.username,
          action: 'user.update',
          entity: 'user',
          entityId: id,
          ip: request.ip,
          details: { ...changed, ...(unlock ? { unlocked: true } : {}) },
        });
        return toView(after);
      });
    },
  );

  app.post(
    '/api/v1/users/:id/password',
    {
      config,
      schema: {
        tags: ['users'],
        params: IdParams,
        body: PasswordResetSchema,
        response: { 200: UserViewSchema },
      },
    },
    async (request) => {
      const admin = sessionOf(request).user;
      const { id } = request.params;
      const passwordHash = await hashPassword(request.body.password);
      return app.db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom('users')
          .selectAll()
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!before) throw notFound('The user');
        if (before.version !== request.body.version) throw versionConflict(toView(before));
        const after = await tx
          .updateTable('users')
          .set({
            password_hash: passwordHash,
            locked_at: null,
            failed_logins: 0,
            updated_at: new Date(),
            version: before.version + 1,
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await endUserSessions(tx, id, 'password-reset');
        await app.audit.append(tx, {
          actorId: admin.id,
          actorUsername: admin.username,
          action: 'user.password-reset',
          entity: 'user',
          entityId: id,
          ip: request.ip,
        });
        return toView(after);
      });
    },
  );
}
