import {
  EpisodeRecordSchema,
  FunctionScoreCreateSchema,
  FunctionScoreViewSchema,
  IdParamsSchema as IdParams,
  RunningCheckCreateSchema,
  RunningCheckViewSchema,
  scoreFunction,
  TherapyCreateSchema,
  TherapyViewSchema,
} from '../../../domain/index.ts';
import { badRequest } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import {
  episodeRecord,
  functionScoreView,
  runningCheckView,
  therapyView,
} from '../../services/episode-record.ts';
import { episodeRuleSet } from '../../services/rule-sets.ts';
import type { App } from '../../types.ts';
import { episodePatientId } from '../../services/clinical-rows.ts';

/** Conservative care, function scores and return to running on an episode (corrections: routes/corrections). */
export async function careRecordRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };
  const write = { permission: 'patients:write' as const };

  app.get(
    '/api/v1/episodes/:id/record',
    {
      config: read,
      schema: { tags: ['episodes'], params: IdParams, response: { 200: EpisodeRecordSchema } },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const record = await episodeRecord(tx, id);
        await app.audit.patientData(tx, request, 'episode.read', patientId, 'episode', id, {
          record: true,
        });
        return record;
      });
    },
  );

  app.post(
    '/api/v1/episodes/:id/therapies',
    {
      config: write,
      schema: {
        tags: ['episodes'],
        params: IdParams,
        body: TherapyCreateSchema,
        response: { 201: TherapyViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      const b = request.body;
      const view = await app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const row = await tx
          .insertInto('therapies')
          .values({
            episode_id: id,
            kind: b.kind,
            start_date: b.startDate,
            end_date: b.endDate,
            response: b.response,
            notes: b.notes,
            recorded_by: user.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await app.audit.patientData(
          tx,
          request,
          'therapy.create',
          patientId,
          'therapy',
          String(row.id),
          { kind: b.kind },
        );
        return therapyView(row, new Map([[user.id, user.name]]));
      });
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/v1/episodes/:id/function-scores',
    {
      config: write,
      schema: {
        tags: ['episodes'],
        params: IdParams,
        body: FunctionScoreCreateSchema,
        response: { 201: FunctionScoreViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      const b = request.body;
      const view = await app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        // The fewest answered sections is the episode's rule-set setting (domain.md section 5: not fixed).
        const result = scoreFunction(
          b.instrument,
          b.sections,
          (await episodeRuleSet(tx, id)).settings.minAnsweredSections,
        );
        if (!result.assessable) throw badRequest([{ path: 'sections', message: result.reason }]);
        const row = await tx
          .insertInto('function_scores')
          .values({
            episode_id: id,
            instrument: b.instrument,
            taken_on: b.takenOn,
            sections: JSON.stringify(b.sections),
            total: result.total,
            band: result.band,
            answered: result.answered,
            recorded_by: user.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await app.audit.patientData(
          tx,
          request,
          'function-score.create',
          patientId,
          'function-score',
          String(row.id),
          { instrument: b.instrument },
        );
        return functionScoreView(row, new Map([[user.id, user.name]]));
      });
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/v1/episodes/:id/running-checks',
    {
      config: write,
      schema: {
        tags: ['episodes'],
        params: IdParams,
        body: RunningCheckCreateSchema,
        response: { 201: RunningCheckViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      const b = request.body;
      const view = await app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const row = await tx
          .insertInto('running_checks')
          .values({
            episode_id: id,
            taken_on: b.takenOn,
            status: b.status,
            weekly_distance_km: b.weeklyDistanceKm,
            recorded_by: user.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await app.audit.patientData(
          tx,
          request,
          'running-check.create',
          patientId,
          'running-check',
          String(row.id),
          { status: b.status },
        );
        return runningCheckView(row, new Map([[user.id, user.name]]));
      });
      return reply.status(201).send(view);
    },
  );
}
