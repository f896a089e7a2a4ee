import * as z from 'zod';
import {
  AssessmentViewSchema, baselineScore, diaryEntryProblem, diarySchedule, DiaryViewSchema, IdSchema, isLateEntry, PainScoreCreateSchema, type PainScoreView,
  PainScoreViewSchema, percentRelief,
} from '../../../domain/index.ts';
import type { PainScoresTable } from '../../db/schema.ts';
import { badRequest, HttpProblem } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { assessProcedure, loadProcedure } from '../../services/procedure-data.ts';
import type { App } from '../../types.ts';
import { auditPatientData, errorMark, iso, userNames } from '../clinical.ts';
import type { Selectable } from 'kysely';

const IdParams = z.object({ id: IdSchema });

export function scoreViews(rows: Selectable<PainScoresTable>[], names: Map<string, string>, lateEntryMinutes: number): PainScoreView[] {
  const series = rows.map((b) => ({ minutesAfter: b.minutes_after, score: b.score, context: b.context as PainScoreView['context'], side: b.side as PainScoreView['side'], enteredInError: !!b.error_reason }));
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

/** The post-block pain diary (nurses and physicians) and the block's assessment. */
export async function diaryRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };

  app.get('/api/v1/procedures/:id/pain-scores', { config: read, schema: { tags: ['diary'], params: IdParams, response: { 200: DiaryViewSchema } } }, async (request) => {
    const { id } = request.params;
    return app.db.transaction().execute(async (tx) => {
      const { row, patientId, ruleSet } = await loadProcedure(tx, id);
      const rows = await tx.selectFrom('pain_scores').selectAll().where('procedure_id', '=', id).orderBy('minutes_after').orderBy('id').execute();
      const names = await userNames(tx, rows.flatMap((r) => [r.recorded_by, r.error_by]));
      const valid = rows.filter((r) => !r.error_reason).map((r) => r.minutes_after);
      await auditPatientData(tx, request, 'procedure.read', patientId, 'pain-score', null, { procedureId: id });
      return {
        performedAt: iso(row.performed_at), lateEntryMinutes: ruleSet.settings.lateEntryMinutes,
        schedule: diarySchedule(ruleSet.settings.diaryMinutes, row.performed_at, valid, new Date()),
        scores: scoreViews(rows, names, ruleSet.settings.lateEntryMinutes),
      };
    });
  });

  app.post('/api/v1/procedures/:id/pain-scores', { config: { permission: 'patients:write' }, schema: { tags: ['diary'], params: IdParams, body: PainScoreCreateSchema, response: { 201: PainScoreViewSchema } } }, async (request, reply) => {
    const user = sessionOf(request).user;
    const { id } = request.params;
    const b = request.body;
    const view = await app.db.transaction().execute(async (tx) => {
      const { row, patientId, ruleSet } = await loadProcedure(tx, id);
      if (row.error_reason) {
        throw new HttpProblem({ status: 400, title: 'Procedure entered in error', code: 'entered-in-error', detail: 'This procedure is marked entered in error; scores cannot be added to it.', errors: [{ path: '', message: 'This procedure is marked entered in error' }] });
      }
      const performed = row.performed_at.getTime();
      const minutesAfter = b.minutesAfter ?? Math.round((new Date(b.recordedAt!).getTime() - performed) / 60_000);
      const baseline = await tx.selectFrom('pain_scores').select('minutes_after').where('procedure_id', '=', id).where('error_reason', 'is', null)
        .where('context', '=', b.context).where('side', b.side ? '=' : 'is', b.side).where('minutes_after', '<=', 0)
        .orderBy('minutes_after', 'desc').limit(1).executeTakeFirst();
      const problem = diaryEntryProblem({
        minutesAfter, side: b.side ?? null, procedureSide: row.side as 'left' | 'right' | 'bilateral',
        minutesNow: (Date.now() - performed) / 60_000, baselineMinutes: baseline?.minutes_after ?? null,
      }, b.recordedAt ? 'recordedAt' : 'minutesAfter');
      if (problem) throw badRequest([problem]);
      const inserted = await tx.insertInto('pain_scores').values({
        procedure_id: id, minutes_after: minutesAfter, describes_at: new Date(performed + minutesAfter * 60_000), score: b.score,
        context: b.context, side: b.side, reported_relief_percent: b.reportedReliefPercent, recorded_by: user.id,
      }).returningAll().executeTakeFirstOrThrow();
      await auditPatientData(tx, request, 'pain-score.create', patientId, 'pain-score', String(inserted.id), { procedureId: id, minutesAfter });
      const all = await tx.selectFrom('pain_scores').selectAll().where('procedure_id', '=', id).orderBy('minutes_after').orderBy('id').execute();
      return scoreViews(all, new Map([[user.id, user.name]]), ruleSet.settings.lateEntryMinutes).find((s) => s.id === String(inserted.id))!;
    });
    return reply.status(201).send(view);
  });

  app.get('/api/v1/procedures/:id/assessment', { config: read, schema: { tags: ['diary'], params: IdParams, response: { 200: AssessmentViewSchema } } }, async (request) => {
    const { id } = request.params;
    return app.db.transaction().execute(async (tx) => {
      const { patientId, ...assessment } = await assessProcedure(tx, id);
      await auditPatientData(tx, request, 'procedure.read', patientId, 'assessment', id);
      return assessment;
    });
  });
}
