import {
  AssessmentViewSchema,
  IdParamsSchema as IdParams,
  PainDiarySchema,
  PainScoreCreateSchema,
  PainScoreViewSchema,
} from '../../../domain/index.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { painDiary, recordStaffScore } from '../../services/pain-scores.ts';
import { assessProcedure } from '../../services/procedure-data.ts';
import type { App } from '../../types.ts';

/** The post-block pain diary (nurses and physicians) and the block's assessment. */
export async function diaryRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };

  app.get(
    '/api/v1/procedures/:id/pain-scores',
    {
      config: read,
      schema: { tags: ['diary'], params: IdParams, response: { 200: PainDiarySchema } },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const { patientId, ...diary } = await painDiary(tx, id);
        await app.audit.patientData(tx, request, 'procedure.read', patientId, 'pain-score', null, {
          procedureId: id,
        });
        return diary;
      });
    },
  );

  app.post(
    '/api/v1/procedures/:id/pain-scores',
    {
      config: { permission: 'patients:write' },
      schema: {
        tags: ['diary'],
        params: IdParams,
        body: PainScoreCreateSchema,
        response: { 201: PainScoreViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      const b = request.body;
      const view = await app.db.transaction().execute(async (tx) => {
        const { view, patientId } = await recordStaffScore(tx, id, b, user);
        await app.audit.patientData(
          tx,
          request,
          'pain-score.create',
          patientId,
          'pain-score',
          view.id,
          { procedureId: id, minutesAfter: view.minutesAfter },
        );
        return view;
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/v1/procedures/:id/assessment',
    {
      config: read,
      schema: { tags: ['diary'], params: IdParams, response: { 200: AssessmentViewSchema } },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const { patientId, ...assessment } = await assessProcedure(tx, id);
        await app.audit.patientData(tx, request, 'procedure.read', patientId, 'assessment', id);
        return assessment;
      });
    },
  );
}
