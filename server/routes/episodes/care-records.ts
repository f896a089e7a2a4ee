import type { Selectable } from 'kysely';
import * as z from 'zod';
import {
  EpisodeViewSchema, FunctionScoreCreateSchema, type FunctionScoreView, FunctionScoreViewSchema, IdSchema,
  meetsConservativeCareMinimum, RunningCheckCreateSchema, scoreFunction, type TherapyView, TherapyCreateSchema, TherapyViewSchema, todayIso,
} from '../../../domain/index.ts';
import type { FunctionScoresTable, RunningChecksTable, TherapiesTable } from '../../db/schema.ts';
import { badRequest } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { ruleSetById } from '../../services/rule-sets.ts';
import type { App } from '../../types.ts';
import { auditPatientData, episodePatientId, iso, userNames } from '../clinical.ts';
import { episodeView } from './episode-views.ts';

const IdParams = z.object({ id: IdSchema });

const RunningCheckViewSchema = z.object({
  id: z.string(), episodeId: z.string(), takenOn: z.string(), status: z.enum(['yes', 'partial', 'no']), weeklyDistanceKm: z.number().nullable(),
  recordedAt: z.string(), recordedByName: z.string(), version: z.number(),
  enteredInError: z.object({ reason: z.string(), at: z.string(), byName: z.string() }).nullable(),
});

/** Everything recorded on an episode, for the patient page and its timeline. */
const EpisodeRecordSchema = z.object({
  episode: EpisodeViewSchema,
  therapies: z.array(TherapyViewSchema),
  functionScores: z.array(FunctionScoreViewSchema),
  runningChecks: z.array(RunningCheckViewSchema),
  conservativeCare: z.object({ days: z.number(), minimumDays: z.number(), met: z.boolean(), ruleSetName: z.string() }),
});

type Names = Map<string, string>;
type ErrorCols = { error_reason: string | null; error_at: Date | null; error_by: string | null };
const errorView = (r: ErrorCols, names: Names) =>
  r.error_reason ? { reason: r.error_reason, at: iso(r.error_at!), byName: names.get(String(r.error_by)) ?? 'Unknown' } : null;

const therapyView = (r: Selectable<TherapiesTable>, names: Names): TherapyView => ({
  id: String(r.id), episodeId: String(r.episode_id), kind: r.kind as TherapyView['kind'], startDate: r.start_date, endDate: r.end_date,
  response: r.response as TherapyView['response'], notes: r.notes, recordedAt: iso(r.recorded_at),
  recordedByName: names.get(String(r.recorded_by)) ?? 'Unknown', version: r.version, enteredInError: errorView(r, names),
});
const functionScoreView = (r: Selectable<FunctionScoresTable>, names: Names): FunctionScoreView => ({
  id: String(r.id), episodeId: String(r.episode_id), instrument: r.instrument as FunctionScoreView['instrument'], takenOn: r.taken_on,
  sections: r.sections, total: r.total, band: r.band, answered: r.answered, recordedAt: iso(r.recorded_at),
  recordedByName: names.get(String(r.recorded_by)) ?? 'Unknown', version: r.version, enteredInError: errorView(r, names),
});
const runningCheckView = (r: Selectable<RunningChecksTable>, names: Names) => ({
  id: String(r.id), episodeId: String(r.episode_id), takenOn: r.taken_on, status: r.status as 'yes' | 'partial' | 'no',
  weeklyDistanceKm: r.weekly_distance_km, recordedAt: iso(r.recorded_at),
  recordedByName: names.get(String(r.recorded_by)) ?? 'Unknown', version: r.version, enteredInError: errorView(r, names),
});

/** Conservative care, function scores and return to running on an episode (corrections: routes/corrections). */
export async function careRecordRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };
  const write = { permission: 'patients:write' as const };

  app.get('/api/v1/episodes/:id/record', { config: read, schema: { tags: ['episodes'], params: IdParams, response: { 200: EpisodeRecordSchema } } }, async (request) => {
    const { id } = request.params;
    return app.db.transaction().execute(async (tx) => {
      const { patientId } = await episodePatientId(tx, id);
      const episode = (await episodeView(tx, id))!;
      const [therapies, functionScores, runningChecks] = await Promise.all([
        tx.selectFrom('therapies').selectAll().where('episode_id', '=', id).orderBy('start_date', 'desc').orderBy('id', 'desc').execute(),
        tx.selectFrom('function_scores').selectAll().where('episode_id', '=', id).orderBy('taken_on', 'desc').orderBy('id', 'desc').execute(),
        tx.selectFrom('running_checks').selectAll().where('episode_id', '=', id).orderBy('taken_on', 'desc').orderBy('id', 'desc').execute(),
      ]);
      const names = await userNames(tx, [...therapies, ...functionScores, ...runningChecks].flatMap((r) => [r.recorded_by, r.error_by]));
      const ruleSet = episode.ruleSetId ? await ruleSetById(tx, episode.ruleSetId) : null;
      const minimumDays = ruleSet?.settings.conservativeCareMinDays ?? 0;
      const care = meetsConservativeCareMinimum(
        therapies.map((t) => ({ startDate: t.start_date, endDate: t.end_date, enteredInError: !!t.error_reason })), todayIso(), minimumDays);
      await auditPatientData(tx, request, 'episode.read', patientId, 'episode', id, { record: true });
      return {
        episode,
        therapies: therapies.map((r) => therapyView(r, names)),
        functionScores: functionScores.map((r) => functionScoreView(r, names)),
        runningChecks: runningChecks.map((r) => runningCheckView(r, names)),
        conservativeCare: { ...care, ruleSetName: ruleSet ? `${ruleSet.name} v${ruleSet.version}` : 'No rule set' },
      };
    });
  });

  app.post('/api/v1/episodes/:id/therapies', { config: write, schema: { tags: ['episodes'], params: IdParams, body: TherapyCreateSchema, response: { 201: TherapyViewSchema } } }, async (request, reply) => {
    const user = sessionOf(request).user;
    const { id } = request.params;
    const b = request.body;
    const view = await app.db.transaction().execute(async (tx) => {
      const { patientId } = await episodePatientId(tx, id);
      const row = await tx.insertInto('therapies').values({ episode_id: id, kind: b.kind, start_date: b.startDate, end_date: b.endDate, response: b.response, notes: b.notes, recorded_by: user.id })
        .returningAll().executeTakeFirstOrThrow();
      await auditPatientData(tx, request, 'therapy.create', patientId, 'therapy', String(row.id), { kind: b.kind });
      return therapyView(row, new Map([[user.id, user.name]]));
    });
    return reply.status(201).send(view);
  });

  app.post('/api/v1/episodes/:id/function-scores', { config: write, schema: { tags: ['episodes'], params: IdParams, body: FunctionScoreCreateSchema, response: { 201: FunctionScoreViewSchema } } }, async (request, reply) => {
    const user = sessionOf(request).user;
    const { id } = request.params;
    const b = request.body;
    const result = scoreFunction(b.instrument, b.sections);
    if (!result.assessable) throw badRequest([{ path: 'sections', message: result.reason }]); // the schema refines this already
    const view = await app.db.transaction().execute(async (tx) => {
      const { patientId } = await episodePatientId(tx, id);
      const row = await tx.insertInto('function_scores').values({
        episode_id: id, instrument: b.instrument, taken_on: b.takenOn, sections: JSON.stringify(b.sections), total: result.total,
        band: result.band, answered: result.answered, recorded_by: user.id,
      }).returningAll().executeTakeFirstOrThrow();
      await auditPatientData(tx, request, 'function-score.create', patientId, 'function-score', String(row.id), { instrument: b.instrument });
      return functionScoreView(row, new Map([[user.id, user.name]]));
    });
    return reply.status(201).send(view);
  });

  app.post('/api/v1/episodes/:id/running-checks', { config: write, schema: { tags: ['episodes'], params: IdParams, body: RunningCheckCreateSchema, response: { 201: RunningCheckViewSchema } } }, async (request, reply) => {
    const user = sessionOf(request).user;
    const { id } = request.params;
    const b = request.body;
    const view = await app.db.transaction().execute(async (tx) => {
      const { patientId } = await episodePatientId(tx, id);
      const row = await tx.insertInto('running_checks').values({ episode_id: id, taken_on: b.takenOn, status: b.status, weekly_distance_km: b.weeklyDistanceKm, recorded_by: user.id })
        .returningAll().executeTakeFirstOrThrow();
      await auditPatientData(tx, request, 'running-check.create', patientId, 'running-check', String(row.id), { status: b.status });
      return runningCheckView(row, new Map([[user.id, user.name]]));
    });
    return reply.status(201).send(view);
  });
}
