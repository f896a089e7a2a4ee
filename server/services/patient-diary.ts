import type { Kysely, Selectable } from 'kysely';
import { diarySchedule, isTimePointComplete, type PatientDiary } from '../../domain/index.ts';
import type { Database, ProceduresTable } from '../db/schema.ts';
import { iso } from './clinical-rows.ts';
import type { DiaryLinkRow } from './diary-links.ts';
import type { StoredRuleSet } from './rule-sets.ts';

/**
 * What the patient's page reads through a link (issue 15): the first name, the procedure time and
 * the diary's time points with what is done, never scores or any other field of the record. Every
 * query starts from the link's own procedure.
 */
export async function patientDiaryView(
  tx: Kysely<Database>,
  link: DiaryLinkRow,
  procedure: Selectable<ProceduresTable>,
  patientId: string,
  ruleSet: StoredRuleSet,
): Promise<PatientDiary> {
  const patient = await tx
    .selectFrom('patients')
    .select('given_name')
    .where('id', '=', patientId)
    .executeTakeFirstOrThrow();
  const scores = await tx
    .selectFrom('pain_scores')
    .select(['minutes_after', 'context', 'side'])
    .where('procedure_id', '=', String(link.procedure_id))
    .where('error_reason', 'is', null)
    .execute();
  const bilateral = procedure.side === 'bilateral';
  const performed = procedure.performed_at;
  // Time points after the block only: the baseline is taken at the clinic (domain.md section 2).
  const schedule = diarySchedule(
    ruleSet.settings.diaryMinutes,
    performed,
    scores.map((s) => s.minutes_after),
    new Date(),
  ).filter((p) => p.minutesAfter > 0);
  return {
    firstName: patient.given_name,
    performedAt: iso(performed),
    bilateral,
    expiresAt: iso(link.expires_at),
    timePoints: schedule.map((p) => {
      const entries = scores
        .filter((s) => s.minutes_after === p.minutesAfter)
        .map((s) => ({
          context: s.context as 'rest' | 'activity',
          side: s.side as 'left' | 'right' | null,
        }));
      return {
        ...p,
        at: iso(new Date(performed.getTime() + p.minutesAfter * 60_000)),
        entries,
        complete: isTimePointComplete(entries, bilateral),
      };
    }),
  };
}
