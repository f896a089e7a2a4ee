import * as z from 'zod';
import {
  EpisodeCreateSchema,
  EpisodeViewSchema,
  IdParamsSchema as IdParams,
  StageMoveSchema,
} from '../../../domain/index.ts';
import { badRequest } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { assertMayMoveStage } from '../../services/role-scope.ts';
import { defaultRuleSet, ruleSetById } from '../../services/rule-sets.ts';
import type { App } from '../../types.ts';
import { careRecordRoutes } from './care-records.ts';
import { checkRoutes } from './checks.ts';
import { intakeExclusionRoutes } from './intake-exclusions.ts';
import { reportRoutes } from './report.ts';
import { episodePatientId } from '../../services/clinical-rows.ts';
import { episodeView, episodeViews } from '../../services/episode-views.ts';
import { moveStage, openEpisode, patientEpisodeRows } from '../../services/episode-writes.ts';

/** Episodes of care: open one for a patient, read it, move it along the pathway. */
export async function episodeRoutes(app: App): Promise<void> {
  // Everything under /episodes/:id lives in this folder, one file per concern.
  await app.register(careRecordRoutes);
  await app.register(checkRoutes);
  await app.register(reportRoutes);
  await app.register(intakeExclusionRoutes);

  const read = { permission: 'patients:read' as const };
  const write = { permission: 'patients:write' as const };

  app.get(
    '/api/v1/patients/:id/episodes',
    {
      config: read,
      schema: {
        tags: ['episodes'],
        params: IdParams,
        response: { 200: z.array(EpisodeViewSchema) },
      },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const rows = await patientEpisodeRows(tx, id);
        await app.audit.patientData(tx, request, 'episode.read', id, 'episode', null, {
          episodeIds: rows.map((r) => String(r.id)),
        });
        return episodeViews(tx, rows);
      });
    },
  );

  app.post(
    '/api/v1/patients/:id/episodes',
    {
      config: write,
      schema: {
        tags: ['episodes'],
        params: IdParams,
        body: EpisodeCreateSchema,
        response: { 201: EpisodeViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const { id: patientId } = request.params;
      const b = request.body;
      const ruleSet = b.ruleSetId
        ? await ruleSetById(app.db, b.ruleSetId)
        : await defaultRuleSet(app.db);
      if (!ruleSet) throw badRequest([{ path: 'ruleSetId', message: 'Unknown rule set' }]);
      const view = await app.db.transaction().execute(async (tx) => {
        const episodeId = await openEpisode(tx, patientId, b, ruleSet.id, user.id);
        await app.audit.patientData(
          tx,
          request,
          'episode.create',
          patientId,
          'episode',
          episodeId,
          { region: b.region },
        );
        return (await episodeView(tx, episodeId))!;
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/v1/episodes/:id',
    {
      config: read,
      schema: { tags: ['episodes'], params: IdParams, response: { 200: EpisodeViewSchema } },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        await app.audit.patientData(tx, request, 'episode.read', patientId, 'episode', id);
        return (await episodeView(tx, id))!;
      });
    },
  );

  app.post(
    '/api/v1/episodes/:id/stage',
    {
      config: write,
      schema: {
        tags: ['episodes'],
        params: IdParams,
        body: StageMoveSchema,
        response: { 200: EpisodeViewSchema },
      },
    },
    async (request) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      assertMayMoveStage(user.role, request.body.to);
      return app.db.transaction().execute(async (tx) => {
        const { patientId, from } = await moveStage(tx, id, request.body, user.id);
        await app.audit.patientData(tx, request, 'episode.stage', patientId, 'episode', id, {
          from,
          to: request.body.to,
        });
        return (await episodeView(tx, id))!;
      });
    },
  );
}
