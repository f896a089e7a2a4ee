import * as z from 'zod';
import {
  checkStageMove,
  EpisodeCreateSchema,
  EpisodeViewSchema,
  IdParamsSchema as IdParams,
  STAGE_LABELS,
  type Stage,
  StageMoveSchema,
} from '../../../domain/index.ts';
import { badRequest, HttpProblem, notFound, versionConflict } from '../../http-problem.ts';
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
        const patient = await tx
          .selectFrom('patients')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!patient) throw notFound('The patient');
        const rows = await tx
          .selectFrom('episodes')
          .selectAll()
          .where('patient_id', '=', id)
          .orderBy('id', 'desc')
          .execute();
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
        const patient = await tx
          .selectFrom('patients')
          .select('id')
          .where('id', '=', patientId)
          .executeTakeFirst();
        if (!patient) throw notFound('The patient');
        const row = await tx
          .insertInto('episodes')
          .values({
            patient_id: patientId,
            region: b.region,
            side: b.side,
            onset_date: b.onsetDate,
            index_pain: b.indexPain,
            signs: JSON.stringify(b.signs),
            causes: JSON.stringify(b.causes),
            baseline_nrs_rest: b.baselineNrsRest,
            baseline_nrs_activity: b.baselineNrsActivity,
            radiculopathy: b.radiculopathy,
            other_cause: b.otherCause,
            stage: 'intake',
            rule_set_id: ruleSet.id,
            created_by: user.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const episodeId = String(row.id);
        await tx
          .insertInto('stage_changes')
          .values({
            episode_id: episodeId,
            from_stage: null,
            to_stage: 'intake',
            reason: 'Episode opened',
            by_user: user.id,
          })
          .execute();
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
      const { version, to, reason } = request.body;
      assertMayMoveStage(user.role, to);
      return app.db.transaction().execute(async (tx) => {
        const episode = await tx
          .selectFrom('episodes')
          .select(['patient_id', 'stage', 'version'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!episode) throw notFound('The episode');
        if (episode.version !== version) throw versionConflict(await episodeView(tx, id));
        const check = checkStageMove(episode.stage as Stage, to, reason);
        if (!check.allowed) {
          throw new HttpProblem({
            status: 422,
            title: 'Stage move refused',
            code: 'stage-move-refused',
            detail: check.reason,
            errors: [
              {
                path: check.reason.includes('needs a reason') ? 'reason' : 'to',
                message: check.reason,
              },
            ],
          });
        }
        await tx
          .updateTable('episodes')
          .set({ stage: to, version: version + 1 })
          .where('id', '=', id)
          .execute();
        await tx
          .insertInto('stage_changes')
          .values({
            episode_id: id,
            from_stage: episode.stage,
            to_stage: to,
            reason: reason?.trim() || `Moved to ${STAGE_LABELS[to]}`,
            by_user: user.id,
          })
          .execute();
        await app.audit.patientData(
          tx,
          request,
          'episode.stage',
          String(episode.patient_id),
          'episode',
          id,
          { from: episode.stage, to },
        );
        return (await episodeView(tx, id))!;
      });
    },
  );
}
