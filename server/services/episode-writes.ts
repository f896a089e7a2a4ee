import type { Kysely, Selectable } from 'kysely';
import type * as z from 'zod';
import {
  checkStageMove,
  type EpisodeCreateSchema,
  type EpisodeView,
  type IntakeExclusionsSchema,
  type Stage,
  STAGE_LABELS,
  type StageMoveSchema,
} from '../../domain/index.ts';
import { compiledOnce } from '../db/compiled-once.ts';
import type { Database, EpisodesTable } from '../db/schema.ts';
import { HttpProblem, notFound, versionConflict } from '../http-problem.ts';
import { requirePatient } from './clinical-rows.ts';
import { episodeView } from './episode-views.ts';

type Tx = Kysely<Database>;

/** A patient's episodes, newest first; 404 for an unknown patient. */
export async function patientEpisodeRows(
  tx: Tx,
  patientId: string,
): Promise<Selectable<EpisodesTable>[]> {
  await requirePatient(tx, patientId);
  return episodeRowsOf(tx, patientId);
}

/** A patient's episodes, newest first (none for an unknown patient: the caller checks). */
export function episodeRowsOf(db: Tx, patientId: string): Promise<Selectable<EpisodesTable>[]> {
  return episodesOfPatient(db, { id: patientId });
}
const episodesOfPatient = compiledOnce((db, p: { id: string }) =>
  db.selectFrom('episodes').selectAll().where('patient_id', '=', p.id).orderBy('id', 'desc'),
);

/** One line of an episode's stage history (domain.md section 1: every move is kept, with its reason). */
export async function recordStageChange(
  tx: Tx,
  change: { episodeId: string; from: string | null; to: Stage; reason: string; userId: string },
): Promise<void> {
  await tx
    .insertInto('stage_changes')
    .values({
      episode_id: change.episodeId,
      from_stage: change.from,
      to_stage: change.to,
      reason: change.reason,
      by_user: change.userId,
    })
    .execute();
}

/** Opens an episode at intake under the given rule set; returns its id. 404 for an unknown patient. */
export async function openEpisode(
  tx: Tx,
  patientId: string,
  b: z.output<typeof EpisodeCreateSchema>,
  ruleSetId: string,
  userId: string,
): Promise<string> {
  await requirePatient(tx, patientId);
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
      rule_set_id: ruleSetId,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const episodeId = String(row.id);
  await recordStageChange(tx, {
    episodeId,
    from: null,
    to: 'intake',
    reason: 'Episode opened',
    userId,
  });
  return episodeId;
}

/**
 * Moves an episode along the pathway at the version the client read (409 otherwise); the move must
 * be allowed by the pathway (domain pathway.ts, domain.md section 1: back and exit moves need a reason).
 */
export async function moveStage(
  tx: Tx,
  id: string,
  { version, to, reason }: z.output<typeof StageMoveSchema>,
  userId: string,
): Promise<{ patientId: string; from: string }> {
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
  await recordStageChange(tx, {
    episodeId: id,
    from: episode.stage,
    to,
    reason: reason?.trim() || `Moved to ${STAGE_LABELS[to]}`,
    userId,
  });
  return { patientId: String(episode.patient_id), from: episode.stage };
}

/**
 * Saves an episode's intake exclusions (radiculopathy, other cause: the indication check reads them,
 * domain.md section 4) at the version the user saw; 404 or 409 with the current episode.
 */
export async function saveIntakeExclusions(
  tx: Tx,
  id: string,
  { version, radiculopathy, otherCause }: z.output<typeof IntakeExclusionsSchema>,
): Promise<{ patientId: string; view: EpisodeView }> {
  const episode = await tx
    .selectFrom('episodes')
    .select(['patient_id', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!episode) throw notFound('The episode');
  if (episode.version !== version) throw versionConflict(await episodeView(tx, id));
  await tx
    .updateTable('episodes')
    .set({ radiculopathy, other_cause: otherCause, version: version + 1 })
    .where('id', '=', id)
    .execute();
  return { patientId: String(episode.patient_id), view: (await episodeView(tx, id))! };
}
