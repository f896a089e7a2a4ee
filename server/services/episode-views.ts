import type { Kysely, Selectable } from 'kysely';
import type { EpisodeView, Stage } from '../../domain/index.ts';
import type { Database, EpisodesTable } from '../db/schema.ts';
import { iso, userNames } from './clinical-rows.ts';

/** Episodes with their stage history, shaped for the API. */
export async function episodeViews(
  db: Kysely<Database>,
  rows: Selectable<EpisodesTable>[],
): Promise<EpisodeView[]> {
  if (!rows.length) return [];
  const history = await db
    .selectFrom('stage_changes')
    .selectAll()
    .where(
      'episode_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
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

export async function episodeView(db: Kysely<Database>, id: string): Promise<EpisodeView | null> {
  const row = await db.selectFrom('episodes').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await episodeViews(db, [row]))[0]! : null;
}
