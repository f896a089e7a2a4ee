import type { Kysely, Selectable } from 'kysely';
import type * as z from 'zod';
import {
  baselineScore,
  type DiaryEntryKey,
  diaryEntryProblem,
  diarySchedule,
  isLateEntry,
  type PainDiary,
  type PainScoreCreateSchema,
  type PainScoreView,
  percentRelief,
} from '../../domain/index.ts';
import type { Database, PainScoresTable, ProceduresTable } from '../db/schema.ts';
import { badRequest, HttpProblem } from '../http-problem.ts';
import { errorMark, iso, type Names, userNames } from './clinical-rows.ts';
import { loadProcedure } from './procedure-data.ts';

/** How a patient-entered score names who recorded it (issue 15). */
export const PATIENT_RECORDER = 'Patient (home diary)';

/**
 * A procedure's pain scores shaped for the API: relief against the latest valid baseline of the same
 * series (context and side), and late entries flagged (domain.md section 2). Used by the diary and the report.
 */
export function scoreViews(
  rows: Selectable<PainScoresTable>[],
  names: Names,
  lateEntryMinutes: number,
): PainScoreView[] {
  const series = rows.map((b) => ({
    minutesAfter: b.minutes_after,
    score: b.score,
    context: b.context as PainScoreView['context'],
    side: b.side as PainScoreView['side'],
    enteredInError: !!b.error_reason,
  }));
  // The baseline rule is the domain's (domain.md section 2): the latest valid score at or before the block, same series.
  const baselineOf = (r: Selectable<PainScoresTable>) =>
    baselineScore(series, r.context as PainScoreView['context'], r.side as PainScoreView['side']);
  return rows.map((r) => {
    const baseline = baselineOf(r);
    return {
      id: String(r.id),
      procedureId: String(r.procedure_id),
      minutesAfter: r.minutes_after,
      describesAt: iso(r.describes_at),
      enteredAt: iso(r.entered_at),
      late: isLateEntry(r.describes_at, r.entered_at, lateEntryMinutes),
      score: r.score,
      context: r.context as PainScoreView['context'],
      side: r.side as PainScoreView['side'],
      reportedReliefPercent: r.reported_relief_percent,
      reliefPercent:
        r.minutes_after > 0 && baseline !== null ? percentRelief(baseline, r.score) : null,
      recordedByName:
        r.source === 'patient' ? PATIENT_RECORDER : (names.get(String(r.recorded_by)) ?? 'Unknown'),
      source: r.source,
      version: r.version,
      enteredInError: errorMark(r, names),
    };
  });
}

/** Every score of a procedure, entered-in-error ones too, in diary order. */
function scoreRows(db: Kysely<Database>, procedureId: string) {
  return db
    .selectFrom('pain_scores')
    .selectAll()
    .where('procedure_id', '=', procedureId)
    .orderBy('minutes_after')
    .orderBy('id')
    .execute();
}

/** A procedure's post-block diary: every score (entered-in-error ones marked) and the schedule of time points as of now. */
export async function painDiary(
  db: Kysely<Database>,
  procedureId: string,
): Promise<PainDiary & { patientId: string }> {
  const { row, patientId, ruleSet } = await loadProcedure(db, procedureId);
  const rows = await scoreRows(db, procedureId);
  const names = await userNames(
    db,
    rows.flatMap((r) => [r.recorded_by, r.error_by]),
  );
  const valid = rows.filter((r) => !r.error_reason).map((r) => r.minutes_after);
  return {
    patientId,
    performedAt: iso(row.performed_at),
    lateEntryMinutes: ruleSet.settings.lateEntryMinutes,
    schedule: diarySchedule(ruleSet.settings.diaryMinutes, row.performed_at, valid, new Date()),
    scores: scoreViews(rows, names, ruleSet.settings.lateEntryMinutes),
  };
}

/** Who enters a score: a signed-in staff member, or the patient through a diary link (issue 15). */
export type ScoreRecorder =
  { kind: 'staff'; userId: string } | { kind: 'patient'; diaryLinkId: string };

/**
 * Checks and stores one pain score, the same rules for staff and patient: not on a procedure entered
 * in error, and the domain's diary entry rules (domain.md section 2: baseline window, nothing in the
 * future, sides only on bilateral blocks, nothing before the series' baseline).
 */
export async function insertPainScore(
  tx: Kysely<Database>,
  procedure: Selectable<ProceduresTable>,
  b: z.output<typeof PainScoreCreateSchema>,
  recorder: ScoreRecorder,
): Promise<Selectable<PainScoresTable>> {
  const id = String(procedure.id);
  if (procedure.error_reason) {
    throw new HttpProblem({
      status: 400,
      title: 'Procedure entered in error',
      code: 'entered-in-error',
      detail: 'This procedure is marked entered in error; scores cannot be added to it.',
      errors: [{ path: '', message: 'This procedure is marked entered in error' }],
    });
  }
  const performed = procedure.performed_at.getTime();
  const minutesAfter =
    b.minutesAfter ?? Math.round((new Date(b.recordedAt!).getTime() - performed) / 60_000);
  const baseline = await tx
    .selectFrom('pain_scores')
    .select('minutes_after')
    .where('procedure_id', '=', id)
    .where('error_reason', 'is', null)
    .where('context', '=', b.context)
    .where('side', b.side ? '=' : 'is', b.side)
    .where('minutes_after', '<=', 0)
    .orderBy('minutes_after', 'desc')
    .limit(1)
    .executeTakeFirst();
  const problem = diaryEntryProblem(
    {
      minutesAfter,
      side: b.side ?? null,
      procedureSide: procedure.side as 'left' | 'right' | 'bilateral',
      minutesNow: (Date.now() - performed) / 60_000,
      baselineMinutes: baseline?.minutes_after ?? null,
    },
    b.recordedAt ? 'recordedAt' : 'minutesAfter',
  );
  if (problem) throw badRequest([problem]);
  return tx
    .insertInto('pain_scores')
    .values({
      procedure_id: id,
      minutes_after: minutesAfter,
      describes_at: new Date(performed + minutesAfter * 60_000),
      score: b.score,
      context: b.context,
      side: b.side,
      reported_relief_percent: b.reportedReliefPercent,
      ...(recorder.kind === 'staff'
        ? { recorded_by: recorder.userId }
        : { recorded_by: null, source: 'patient' as const, diary_link_id: recorder.diaryLinkId }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The valid entries already recorded at one time point of a procedure (for the duplicate rule). */
export async function entriesAtTimePoint(
  tx: Kysely<Database>,
  procedureId: string,
  minutesAfter: number,
): Promise<DiaryEntryKey[]> {
  const rows = await tx
    .selectFrom('pain_scores')
    .select(['minutes_after as minutesAfter', 'context', 'side'])
    .where('procedure_id', '=', procedureId)
    .where('error_reason', 'is', null)
    .where('minutes_after', '=', minutesAfter)
    .execute();
  return rows as DiaryEntryKey[];
}

/**
 * A score a staff member enters for a procedure (the entry rules of insertPainScore), shaped with its
 * relief against the series' baseline; the patient id is for the route's audit row.
 */
export async function recordStaffScore(
  tx: Kysely<Database>,
  procedureId: string,
  b: z.output<typeof PainScoreCreateSchema>,
  user: { id: string; name: string },
): Promise<{ view: PainScoreView; patientId: string }> {
  const { row, patientId, ruleSet } = await loadProcedure(tx, procedureId);
  const inserted = await insertPainScore(tx, row, b, { kind: 'staff', userId: user.id });
  const view = scoreViews(
    await scoreRows(tx, procedureId),
    new Map([[user.id, user.name]]),
    ruleSet.settings.lateEntryMinutes,
  ).find((s) => s.id === String(inserted.id))!;
  return { view, patientId };
}
