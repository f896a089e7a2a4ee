import * as z from 'zod';
import { NewPasswordSchema, RoleSchema, UsernameSchema } from './auth.ts';
import { PageQuerySchema, plainString, textField, VersionSchema } from './primitives.ts';

/** A user account as an admin sees it (never the hash). */
export const UserViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  locked: z.boolean(),
  failedLogins: z.number(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export type UserView = z.infer<typeof UserViewSchema>;

/** POST /api/v1/users */
export const UserCreateSchema = z.object({
  username: UsernameSchema,
  name: textField('Full name', 120),
  role: RoleSchema,
  password: NewPasswordSchema,
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

/** PATCH /api/v1/users/:id: role, name, active flag or unlock, with the version read. */
export const UserUpdateSchema = z.object({
  version: VersionSchema,
  name: textField('Full name', 120).optional(),
  role: RoleSchema.optional(),
  active: z.boolean({ error: 'Active must be true or false' }).optional(),
  unlock: z.literal(true, { error: 'Unlock must be true when given' }).optional(),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

/** POST /api/v1/users/:id/password */
export const PasswordResetSchema = z.object({
  version: VersionSchema,
  password: NewPasswordSchema,
});
export type PasswordReset = z.infer<typeof PasswordResetSchema>;

export const UserListQuerySchema = PageQuerySchema.extend({
  q: plainString('Search', 64).optional(),
});
