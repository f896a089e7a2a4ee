import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * At a start without demo mode: ends every open session of a demo account (sign-in refuses them too)
 * and returns how many demo accounts exist, so the start-up message can say they are refused.
 */
export async function disableDemoAccounts(db: Kysely<Database>): Promise<number> {
  const demo = await db.selectFrom('users').select('id').where('demo', '=', true).execute();
  if (!demo.length) return 0;
  await db
    .updateTable('sessions')
    .set({ ended_at: new Date(), end_reason: 'demo-off' })
    .where(
      'user_id',
      'in',
      demo.map((u) => u.id),
    )
    .where('ended_at', 'is', null)
    .execute();
  return demo.length;
}
