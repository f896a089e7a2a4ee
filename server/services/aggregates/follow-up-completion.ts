import { type Kysely, sql } from 'kysely';
import {
  type PracticeReport,
  suppressCount,
  suppressRate,
  todayIn,
} from '../../../domain/index.ts';
import type { Database } from '../../db/schema.ts';
import { practiceTimeZone } from '../practice-settings.ts';
import type { Cohort } from './cohort.ts';

/**
 * Follow-up completion per provider (issue 13): follow-ups (migration 0008) of valid procedures that
 * came due in the range, up to today in the practice time zone, grouped by the procedure's performer.
 * Cancelled ones are left out (nobody was meant to call). Done / due is the completion rate; overdue
 * are still open past their window (domain/follow-ups.ts followUpSection). Small cells suppressed.
 */
export async function followUpCompletion(
  db: Kysely<Database>,
  c: Cohort,
  now: Date,
): Promise<NonNullable<PracticeReport['followUps']>> {
  const today = todayIn(await practiceTimeZone(db), now);
  const last = c.to < today ? c.to : today;
  const r = await sql<{ performer: string | null; due: number; done: number; overdue: number }>`
    SELECT u.name AS performer, x.due, x.done, x.overdue FROM (
      SELECT p.performer_id, count(*)::int AS due,
        count(*) FILTER (WHERE f.status = 'done')::int AS done,
        count(*) FILTER (WHERE f.status = 'due' AND f.due_date + f.window_days < ${today}::date)::int AS overdue
      FROM follow_ups f JOIN procedures p ON p.id = f.procedure_id
      WHERE p.error_at IS NULL AND f.status <> 'cancelled' AND f.due_date >= ${c.from}::date AND f.due_date <= ${last}::date
      GROUP BY p.performer_id
    ) x LEFT JOIN users u ON u.id = x.performer_id ORDER BY 1`.execute(db);
  return r.rows.map((row) => ({
    performer: row.performer ?? 'Not recorded',
    due: suppressCount(row.due),
    done: suppressCount(row.done),
    overdue: suppressCount(row.overdue),
    rate: suppressRate(row.done, row.due),
  }));
}
