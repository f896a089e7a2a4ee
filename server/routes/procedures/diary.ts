import { AssessmentViewSchema, diaryEntryProblem, IdParamsSchema as IdParams, PainDiarySchema, PainScoreCreateSchema, PainScoreViewSchema } from '../../../domain/index.ts';
import { badRequest, HttpProblem } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { painDiary, scoreViews } from '../../services/pain-scores.ts';
import { assessProcedure, loadProcedure } from '../../services/procedure-data.ts';
import type { App } from '../../types.ts';

/** The post-block pain diary (nurses and physicians) and the block's assessment. */
export async function diaryRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };

  app.get('/api/v1/procedures/:id/pain-scores', { config: read, schema: { tags: ['diary'], params: IdParams, response: { 200: PainDiarySchema } } }, async (request) => {
    const { id } = request.params;
    return app.db.transaction().execute(async (tx) => {
      const { patientId, ...diary } = await painDiary(tx, id);
      await app.audit.patientData(tx, request, 'procedure.read', patientId, 'pain-score', null, { procedureId: id });
      return diary;
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
      await app.audit.patientData(tx, request, 'pain-score.create', patientId, 'pain-score', String(inserted.id), { procedureId: id, minutesAfter });
      const all = await tx.selectFrom('pain_scores').selectAll().where('procedure_id', '=', id).orderBy('minutes_after').orderBy('id').execute();
      return scoreViews(all, new Map([[user.id, user.name]]), ruleSet.settings.lateEntryMinutes).find((s) => s.id === String(inserted.id))!;
    });
    return reply.status(201).send(view);
  });

  app.get('/api/v1/procedures/:id/assessment', { config: read, schema: { tags: ['diary'], params: IdParams, response: { 200: AssessmentViewSchema } } }, async (request) => {
    const { id } = request.params;
    return app.db.transaction().execute(async (tx) => {
      const { patientId, ...assessment } = await assessProcedure(tx, id);
      await app.audit.patientData(tx, request, 'procedure.read', patientId, 'assessment', id);
      return assessment;
    });
  });
}
