import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Cohort, procedureCohortSql } from './cohort.ts';

/** MBB -> RFA conversion: patients with an MBB in the cohort, and how many of them had an RFA after it (any time since). */
export async function conversion(
  db: Kysely<Database>,
  c: Cohort,
): Promise<{ patientsWithMbb: number; patientsWithRfa: number }> {
  // An RFA after the first MBB exists exactly when the patient's latest RFA is after it: one
  // grouped pass over RFAs instead of a subquery per patient.
  const r = await sql<{ mbb: number; rfa: number }>`
    WITH firsts AS (SELECT e.patient_id, min(p.performed_at) AS first_at FROM ${procedureCohortSql(c, ['mbb'])} GROUP BY e.patient_id),
    lasts AS (SELECT re.patient_id, max(r.performed_at) AS last_at FROM procedures r JOIN episodes re ON re.id = r.episode_id
      WHERE r.kind = 'rfa' AND r.error_at IS NULL GROUP BY re.patient_id)
    SELECT count(*)::int AS mbb, count(*) FILTER (WHERE l.last_at > f.first_at)::int AS rfa
    FROM firsts f LEFT JOIN lasts l ON l.patient_id = f.patient_id`.execute(db);
  return { patientsWithMbb: r.rows[0]?.mbb ?? 0, patientsWithRfa: r.rows[0]?.rfa ?? 0 };
}
