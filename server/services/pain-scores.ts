import type { Kysely, Selectable } from 'kysely';
import type { PainScoreCreateSchema } from '../../domain/index.ts';
import type { Database, PainScoresTable, ProceduresTable } from '../db/schema.ts';
import { badRequest, HttpProblem } from '../http-problem.ts';
import type * as z from 'zod';

/** Who enters a score: a signed-in staff member, or the patient through a diary link (issue 15). */
export type ScoreRecorder = { kind: 'staff'; userId: string } | { kind: 'patient'; diaryLinkId: string };

/**
 * Checks and stores one pain score, the same rules for staff and patient (domain.md section 2): not
 * on a procedure entered in error, a baseline within a day before the block, nothing in the future,
 * sides only on bilateral blocks, nothing before the series' baseline. The late-entry mark follows
 * from the stored describes_at and entered_at.
 */
export async function insertPainScore(
  tx: Kysely<Database>, procedure: Selectable<ProceduresTable>, b: z.output<typeof PainScoreCreateSchema>, recorder: ScoreRecorder,
): Promise<Selectable<PainScoresTable>> {
  const id = String(procedure.id);
  if (procedure.error_reason) {
    throw new HttpProblem({ status: 400, title: 'Procedure entered in error', code: 'entered-in-error', detail: 'This procedure is marked entered in error; scores cannot be added to it.', errors: [{ path: '', message: 'This procedure is marked entered in error' }] });
  }
  const timePath = b.recordedAt ? 'recordedAt' : 'minutesAfter';
  const performed = procedure.performed_at.getTime();
  const minutesAfter = b.minutesAfter ?? Math.round((new Date(b.recordedAt!).getTime() - performed) / 60_000);
  if (minutesAfter < -1440) throw badRequest([{ path: timePath, message: 'A baseline must be within 24 hours before the block' }]);
  if (performed + minutesAfter * 60_000 > Date.now() + 5 * 60_000) {
    throw badRequest([{ path: timePath, message: 'A score cannot describe a time in the future' }]);
  }
  if (b.side && procedure.side !== 'bilateral') throw badRequest([{ path: 'side', message: 'Left and right scores are for bilateral procedures only' }]);
  // A score timed before this series' baseline would change what the baseline means.
  const baseline = await tx.selectFrom('pain_scores').select('minutes_after').where('procedure_id', '=', id).where('error_reason', 'is', null)
    .where('context', '=', b.context).where('side', b.side ? '=' : 'is', b.side).where('minutes_after', '<=', 0)
    .orderBy('minutes_after', 'desc').limit(1).executeTakeFirst();
  if (baseline && minutesAfter < baseline.minutes_after) {
    throw badRequest([{ path: timePath, message: 'This time is before the recorded baseline; mark the baseline entered in error first if it is wrong' }]);
  }
  return tx.insertInto('pain_scores').values({
    procedure_id: id, minutes_after: minutesAfter, describes_at: new Date(performed + minutesAfter * 60_000), score: b.score,
    context: b.context, side: b.side, reported_relief_percent: b.reportedReliefPercent,
    ...(recorder.kind === 'staff' ? { recorded_by: recorder.userId } : { recorded_by: null, source: 'patient' as const, diary_link_id: recorder.diaryLinkId }),
  }).returningAll().executeTakeFirstOrThrow();
}
