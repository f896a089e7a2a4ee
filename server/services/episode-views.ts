import type { Kysely, Selectable } from 'kysely';
import type { EpisodeView, Stage } from '../../domain/index.ts';
import { anyOf, compiledOnce } from '../db/compiled-once.ts';
import type { Database, EpisodesTable, StageChangesTable } from '../db/schema.ts';
import { episodeById, iso, userNames } from './clinical-rows.ts';

/** The stage changes of the episodes with these ids, oldest first. */
const stageHistoryOf = compiledOnce((db, p: { ids: readonly string[] }) =>
  db.selectFrom('stage_changes').selectAll().where(anyOf('episode_id', p.ids)).orderBy('id'),
);
const stageHistory = (db: Kysely<Database>, ids: readonly string[]) => stageHistoryOf(db, { ids });

/** Episodes with their stage history, shaped for the API. */
export async function episodeViews(
  db: Kysely<Database>,
  rows: Selectable<EpisodesTable>[],
  /** Their stage changes, when read already (episodeView reads them beside the episode). */
  known?: Selectable<StageChangesTable>[],
): Promise<EpisodeView[]> {
  if (!rows.length) return [];
  const history =
    known ??
    (await stageHistory(
      db,
      rows.map((r) => r.id),
    ));
  const names = await userNames(db, [
    ...rows.map((r) => r.created_by),
    ...history.map((h) => h.by_user),
  ]);
  return rows.map((r) => ({
    id: String(r.id),
    patientId: String(r.patient_id),
    region: r.region as EpisodeView['region'],
    side: r.side as EpisodeView['side'],
    onsetDate: r.onset_date,
    indexPain: r.index_pain,
    signs: r.signs,
    causes: r.causes,
    baselineNrsRest: r.baseline_nrs_rest,
    baselineNrsActivity: r.baseline_nrs_activity,
    radiculopathy: r.radiculopathy as EpisodeView['radiculopathy'],
    otherCause: r.other_cause as EpisodeView['otherCause'],
    stage: r.stage as Stage,
    ruleSetId: r.rule_set_id === null ? null : String(r.rule_set_id),
    createdAt: iso(r.created_at),
    createdByName: names.get(String(r.created_by)) ?? 'Unknown',
    version: r.version,
    stageHistory: history
      .filter((h) => String(h.episode_id) === String(r.id))
      .map((h) => ({
        id: String(h.id),
        from: h.from_stage as Stage | null,
        to: h.to_stage as Stage,
        reason: h.reason,
        at: iso(h.at),
        byId: String(h.by_user),
        byName: names.get(String(h.by_user)) ?? 'Unknown',
      })),
  }));
}

/** One episode's view; its row and stage changes are read side by side (issue 11: one round trip fewer). */
export async function episodeView(db: Kysely<Database>, id: string): Promise<EpisodeView | null> {
  const [row, history] = await Promise.all([episodeById(db, id), stageHistory(db, [id])]);
  return row ? (await episodeViews(db, [row], history))[0]! : null;
}
