import {
  EpisodeRecordSchema,
  FunctionScoreCreateSchema,
  FunctionScoreViewSchema,
  IdParamsSchema as IdParams,
  RunningCheckCreateSchema,
  RunningCheckViewSchema,
  TherapyCreateSchema,
  TherapyViewSchema,
} from '../../../domain/index.ts';
import { sessionOf } from '../../plugins/auth.ts';
import {
  recordFunctionScore,
  recordRunningCheck,
  recordTherapy,
} from '../../services/care-records.ts';
import { episodeRecord } from '../../services/episode-record.ts';
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
      const timeZone = await app.practiceTimeZone();
      return app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const record = await episodeRecord(tx, id, timeZone);
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
      const saved = await app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const view = await recordTherapy(tx, id, b, user);
        await app.audit.patientData(tx, request, 'therapy.create', patientId, 'therapy', view.id, {
          kind: b.kind,
        });
        return view;
      });
      return reply.status(201).send(saved);
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
      const saved = await app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const view = await recordFunctionScore(tx, id, b, user);
        await app.audit.patientData(
          tx,
          request,
          'function-score.create',
          patientId,
          'function-score',
          view.id,
          { instrument: b.instrument },
        );
        return view;
      });
      return reply.status(201).send(saved);
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
      const saved = await app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const view = await recordRunningCheck(tx, id, b, user);
        await app.audit.patientData(
          tx,
          request,
          'running-check.create',
          patientId,
          'running-check',
          view.id,
          { status: b.status },
        );
        return view;
      });
      return reply.status(201).send(saved);
    },
  );
}
