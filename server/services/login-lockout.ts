import type { Kysely } from 'kysely';
import type { Database, UsersTable } from '../db/schema.ts';
import { appendAudit } from './audit-trail.ts';
import { isLastActiveAdmin, LOGIN_LIMITS, lockIsActive } from './login-throttle.ts';

type UserRow = { id: string; username: string; role: UsersTable['role'] };

/**
 * Counts one wrong password against the account and locks it at `lockAfter` consecutive failures
 * (the lock expires after `lockMinutes`). The last active admin is never locked: an anonymous caller
 * could otherwise lock out everyone able to unlock accounts; the per-pair delays still slow guessing.
 */
export async function countFailure(tx: Kysely<Database>, user: UserRow, ip: string): Promise<void> {
  const row = await tx
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', user.id)
    .returning(['failed_logins', 'locked_at'])
    .executeTakeFirstOrThrow();
  if (row.failed_logins < LOGIN_LIMITS.lockAfter || lockIsActive(row.locked_at)) return;
  if (user.role === 'admin' && (await isLastActiveAdmin(tx, user.id))) {
    await appendAudit(tx, {
      actorId: user.id,
      actorUsername: user.username,
      action: 'auth.lock-spared',
      entity: 'user',
      entityId: user.id,
      ip,
      details: { failedLogins: row.failed_logins },
    });
    return;
  }
  await tx.updateTable('users').set({ locked_at: new Date() }).where('id', '=', user.id).execute();
  await appendAudit(tx, {
    actorId: user.id,
    actorUsername: user.username,
    action: 'auth.locked',
    entity: 'user',
    entityId: user.id,
    ip,
    details: { failedLogins: row.failed_logins },
  });
}
