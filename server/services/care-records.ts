import type { Kysely } from 'kysely';
import type * as z from 'zod';
import {
  type FunctionScoreCreateSchema,
  type FunctionScoreView,
  type RunningCheckCreateSchema,
  type RunningCheckView,
  scoreFunction,
  type TherapyCreateSchema,
  type TherapyView,
} from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { badRequest } from '../http-problem.ts';
import { functionScoreView, runningCheckView, therapyView } from './episode-record.ts';
import { episodeRuleSet } from './rule-sets.ts';

/**
 * The care records of an episode: conservative care, function scores and return to running. Each
 * writer is called inside the transaction that audits it; corrections live in routes/corrections.
 */
type Tx = Kysely<Database>;
interface Recorder {
  id: string;
  name: string;
}
const byRecorder = (user: Recorder) => new Map([[user.id, user.name]]);

export async function recordTherapy(
  tx: Tx,
  episodeId: string,
  b: z.output<typeof TherapyCreateSchema>,
  user: Recorder,
): Promise<TherapyView> {
  const row = await tx
    .insertInto('therapies')
    .values({
      episode_id: episodeId,
      kind: b.kind,
      start_date: b.startDate,
      end_date: b.endDate,
      response: b.response,
      notes: b.notes,
      recorded_by: user.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return therapyView(row, byRecorder(user));
}

/** Scores and stores a function questionnaire; too few answered sections is a 400 on `sections`. */
export async function recordFunctionScore(
  tx: Tx,
  episodeId: string,
  b: z.output<typeof FunctionScoreCreateSchema>,
  user: Recorder,
): Promise<FunctionScoreView> {
  // The fewest answered sections is the episode's rule-set setting (domain.md section 5: not fixed).
  const result = scoreFunction(
    b.instrument,
    b.sections,
    (await episodeRuleSet(tx, episodeId)).settings.minAnsweredSections,
  );
  if (!result.assessable) throw badRequest([{ path: 'sections', message: result.reason }]);
  const row = await tx
    .insertInto('function_scores')
    .values({
      episode_id: episodeId,
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
  return functionScoreView(row, byRecorder(user));
}

export async function recordRunningCheck(
  tx: Tx,
  episodeId: string,
  b: z.output<typeof RunningCheckCreateSchema>,
  user: Recorder,
): Promise<RunningCheckView> {
  const row = await tx
    .insertInto('running_checks')
    .values({
      episode_id: episodeId,
      taken_on: b.takenOn,
      status: b.status,
      weekly_distance_km: b.weeklyDistanceKm,
      recorded_by: user.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return runningCheckView(row, byRecorder(user));
}
