import * as z from 'zod';
import { ROLES } from '../roles.ts';
import { textField } from './primitives.ts';

/** Longest password accepted, so hashing cost stays bounded. */
export const PASSWORD_MAX_LENGTH = 256;
/** Shortest password accepted for new or reset passwords (OWASP ASVS 2.1.1: at least 12). */
export const PASSWORD_MIN_LENGTH = 12;

export const UsernameSchema = z
  .string({ error: 'Username is required' })
  .min(3, 'Username must be at least 3 characters')
  .max(64, 'Username must be at most 64 characters')
  .regex(
    /^[a-z0-9._-]+$/,
    'Username may use lower-case letters, digits, dot, dash and underscore only',
  );

export const NewPasswordSchema = z
  .string({ error: 'Password is required' })
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** POST /api/v1/auth/login. Lengths only: a login never reveals the password rules. */
export const LoginRequestSchema = z.object({
  username: textField('Username', 64),
  password: textField('Password', PASSWORD_MAX_LENGTH),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const RoleSchema = z.enum(ROLES, {
  error: 'Choose a role: nurse, physician, practice manager or administrator',
});

/** The signed-in user as the API shows it. */
export const SessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: RoleSchema,
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/** Answer to login and to GET /auth/me. */
export const SessionInfoSchema = z.object({
  user: SessionUserSchema,
  csrfToken: z.string(),
  /** Minutes without activity after which the session ends. */
  idleTimeoutMinutes: z.number(),
  /** True when the server seeded demo accounts: the UI shows a banner. */
  demoMode: z.boolean(),
  /** The practice's IANA time zone: staff screens show every time in it, not in the browser's. */
  timeZone: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** GET /config: what the server tells anyone before sign-in. */
export const PublicConfigSchema = z.object({
  demoMode: z.boolean(),
  idleTimeoutMinutes: z.number(),
});
export type PublicConfig = z.infer<typeof PublicConfigSchema>;

/** Codes the client uses to tell the user why it asks them to sign in again. */
export const SESSION_END_CODES = [
  'session-missing',
  'session-expired-idle',
  'session-ended',
] as const;
export type SessionEndCode = (typeof SESSION_END_CODES)[number];
