import { AssessmentViewSchema, IdParamsSchema as IdParams, PainDiarySchema, PainScoreCreateSchema, PainScoreViewSchema } from '../../../domain/index.ts';
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
      if (minutesAfter < -1440) throw badRequest([{ path: b.recordedAt ? 'recordedAt' : 'minutesAfter', message: 'A baseline must be within 24 hours before the block' }]);
      if (performed + minutesAfter * 60_000 > Date.now() + 5 * 60_000) {
        throw badRequest([{ path: b.recordedAt ? 'recordedAt' : 'minutesAfter', message: 'A score cannot describe a time in the future' }]);
      }
      if (b.side && row.side !== 'bilateral') throw badRequest([{ path: 'side', message: 'Left and right scores are for bilateral procedures only' }]);
      // A score timed before this series' baseline would change what the baseline means.
      const baseline = await tx.selectFrom('pain_scores').select('minutes_after').where('procedure_id', '=', id).where('error_reason', 'is', null)
        .where('context', '=', b.context).where('side', b.side ? '=' : 'is', b.side).where('minutes_after', '<=', 0)
        .orderBy('minutes_after', 'desc').limit(1).executeTakeFirst();
      if (baseline && minutesAfter < baseline.minutes_after) {
        throw badRequest([{ path: b.recordedAt ? 'recordedAt' : 'minutesAfter', message: 'This time is before the recorded baseline; mark the baseline entered in error first if it is wrong' }]);
      }
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
