import type { Kysely, Selectable } from 'kysely';
import { baselineScore, diarySchedule, isLateEntry, type PainDiary, type PainScoreView, percentRelief } from '../../domain/index.ts';
import type { Database, PainScoresTable } from '../db/schema.ts';
import { errorMark, iso, type Names, userNames } from './clinical-rows.ts';
import { loadProcedure } from './procedure-data.ts';

/**
 * A procedure's pain scores shaped for the API: relief against the latest valid baseline of the same
 * series (context and side), and late entries flagged (domain.md section 2). Used by the diary and the report.
 */
export function scoreViews(rows: Selectable<PainScoresTable>[], names: Names, lateEntryMinutes: number): PainScoreView[] {
  const series = rows.map((b) => ({ minutesAfter: b.minutes_after, score: b.score, context: b.context as PainScoreView['context'], side: b.side as PainScoreView['side'], enteredInError: !!b.error_reason }));
  // The baseline rule is the domain's (domain.md section 2): the latest valid score at or before the block, same series.
  const baselineOf = (r: Selectable<PainScoresTable>) => baselineScore(series, r.context as PainScoreView['context'], r.side as PainScoreView['side']);
  return rows.map((r) => {
    const baseline = baselineOf(r);
    return {
      id: String(r.id), procedureId: String(r.procedure_id), minutesAfter: r.minutes_after, describesAt: iso(r.describes_at), enteredAt: iso(r.entered_at),
      late: isLateEntry(r.describes_at, r.entered_at, lateEntryMinutes), score: r.score, context: r.context as PainScoreView['context'],
      side: r.side as PainScoreView['side'], reportedReliefPercent: r.reported_relief_percent,
      reliefPercent: r.minutes_after > 0 && baseline !== null ? percentRelief(baseline, r.score) : null,
      recordedByName: names.get(String(r.recorded_by)) ?? 'Unknown', version: r.version,
      enteredInError: errorMark(r, names),
    };
  });
}

/** A procedure's post-block diary: every score (entered-in-error ones marked) and the schedule of time points as of now. */
export async function painDiary(db: Kysely<Database>, procedureId: string): Promise<PainDiary & { patientId: string }> {
  const { row, patientId, ruleSet } = await loadProcedure(db, procedureId);
  const rows = await db.selectFrom('pain_scores').selectAll().where('procedure_id', '=', procedureId).orderBy('minutes_after').orderBy('id').execute();
  const names = await userNames(db, rows.flatMap((r) => [r.recorded_by, r.error_by]));
  const valid = rows.filter((r) => !r.error_reason).map((r) => r.minutes_after);
  return {
    patientId,
    performedAt: iso(row.performed_at), lateEntryMinutes: ruleSet.settings.lateEntryMinutes,
    schedule: diarySchedule(ruleSet.settings.diaryMinutes, row.performed_at, valid, new Date()),
    scores: scoreViews(rows, names, ruleSet.settings.lateEntryMinutes),
  };
}
