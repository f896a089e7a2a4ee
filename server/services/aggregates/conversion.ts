import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Cohort, procedureCohortSql } from './cohort.ts';

/** MBB -> RFA conversion: patients with an MBB in the cohort, and how many of them had an RFA after it (any time since). */
export async function conversion(
  db: Kysely<Database>,
  c: Cohort,
): Promise<{ patientsWithMbb: number; patientsWithRfa: number }> {
  const r = await sql<{ mbb: number; rfa: number }>`
    WITH firsts AS (SELECT e.patient_id, min(p.performed_at) AS first_at FROM ${procedureCohortSql(c, ['mbb'])} GROUP BY e.patient_id)
    SELECT count(*)::int AS mbb, count(*) FILTER (WHERE EXISTS (
      SELECT 1 FROM procedures r JOIN episodes re ON re.id = r.episode_id
      WHERE re.patient_id = f.patient_id AND r.kind = 'rfa' AND r.error_at IS NULL AND r.performed_at > f.first_at))::int AS rfa
    FROM firsts f`.execute(db);
  return { patientsWithMbb: r.rows[0]?.mbb ?? 0, patientsWithRfa: r.rows[0]?.rfa ?? 0 };
}
