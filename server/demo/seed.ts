import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ROLES, type Role } from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { hashPassword } from '../services/passwords.ts';

/** The demo practice's staff, one per role. */
const DEMO_USERS: Record<Role, string> = {
  nurse: 'Nora Nightingale',
  physician: 'Dr. Priya Patel',
  manager: 'Morgan Manager',
  admin: 'Ada Admin',
};

export interface DemoCredential {
  username: string;
  role: Role;
  password: string;
}

/**
 * Seeds the demo users on an empty database (no users at all) and returns their credentials so the
 * caller can print them once; returns [] when the database already has users. Demo accounts exist
 * only in demo mode (security baseline).
 */
export async function seedDemo(
  db: Kysely<Database>,
  fixedPassword: string | null,
): Promise<DemoCredential[]> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return [];
  const credentials: DemoCredential[] = [];
  await db.transaction().execute(async (tx) => {
    for (const role of ROLES) {
      const password = fixedPassword ?? randomBytes(9).toString('base64url');
      await tx
        .insertInto('users')
        .values({
          username: role,
          name: DEMO_USERS[role],
          role,
          password_hash: await hashPassword(password),
          demo: true,
        })
        .execute();
      credentials.push({ username: role, role, password });
    }
  });
  return credentials;
}
