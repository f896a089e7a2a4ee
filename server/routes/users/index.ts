import {
  IdParamsSchema as IdParams,
  pageSchema,
  PasswordResetSchema,
  UserCreateSchema,
  UserListQuerySchema,
  UserUpdateSchema,
  UserViewSchema,
} from '../../../domain/index.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { badRequest, HttpProblem } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { hashPassword } from '../../services/passwords.ts';
import { endUserSessions } from '../../services/sessions.ts';
import {
  insertUser,
  listUsers,
  lockUserAtVersion,
  resetUserPassword,
  toUserView,
  updateUser,
} from '../../services/user-accounts.ts';
import type { App } from '../../types.ts';

const PageOfUsers = pageSchema(UserViewSchema);

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
      return listUsers(app.db, request.query);
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
          const created = await insertUser(tx, body, passwordHash);
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
        return reply.status(201).send(toUserView(row));
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
        const before = await lockUserAtVersion(tx, id, version);
        const after = await updateUser(tx, before, changes, unlock);
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
        return toUserView(after);
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
        const before = await lockUserAtVersion(tx, id, request.body.version);
        const after = await resetUserPassword(tx, before, passwordHash);
        await endUserSessions(tx, id, 'password-reset');
        await app.audit.append(tx, {
          actorId: admin.id,
          actorUsername: admin.username,
          action: 'user.password-reset',
          entity: 'user',
          entityId: id,
          ip: request.ip,
        });
        return toUserView(after);
      });
    },
  );
}
