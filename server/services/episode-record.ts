import type { Kysely, Selectable } from 'kysely';
import {
  type EpisodeRecord,
  type FunctionScoreView,
  meetsConservativeCareMinimum,
  type RunningCheckView,
  type TherapyView,
  todayIn,
} from '../../domain/index.ts';
import { compiledOnce } from '../db/compiled-once.ts';
import type {
  Database,
  FunctionScoresTable,
  RunningChecksTable,
  TherapiesTable,
} from '../db/schema.ts';
import { errorMark, iso, type Names, userNames } from './clinical-rows.ts';
import { episodeView } from './episode-views.ts';
import { practiceTimeZone } from './practice-settings.ts';
import { ruleSetForEpisode } from './rule-sets.ts';

export const therapyView = (r: Selectable<TherapiesTable>, names: Names): TherapyView => ({
  id: String(r.id),
  episodeId: String(r.episode_id),
  kind: r.kind as TherapyView['kind'],
  startDate: r.start_date,
  endDate: r.end_date,
  response: r.response as TherapyView['response'],
  notes: r.notes,
  recordedAt: iso(r.recorded_at),
  recordedByName: names.get(String(r.recorded_by)) ?? 'Unknown',
  version: r.version,
  enteredInError: errorMark(r, names),
});
export const functionScoreView = (
  r: Selectable<FunctionScoresTable>,
  names: Names,
): FunctionScoreView => ({
  id: String(r.id),
  episodeId: String(r.episode_id),
  instrument: r.instrument as FunctionScoreView['instrument'],
  takenOn: r.taken_on,
  sections: r.sections,
  total: r.total,
  band: r.band,
  answered: r.answered,
  recordedAt: iso(r.recorded_at),
  recordedByName: names.get(String(r.recorded_by)) ?? 'Unknown',
  version: r.version,
  enteredInError: errorMark(r, names),
});
export const runningCheckView = (
  r: Selectable<RunningChecksTable>,
  names: Names,
): RunningCheckView => ({
  id: String(r.id),
  episodeId: String(r.episode_id),
  takenOn: r.taken_on,
  status: r.status as 'yes' | 'partial' | 'no',
  weeklyDistanceKm: r.weekly_distance_km,
  recordedAt: iso(r.recorded_at),
  recordedByName: names.get(String(r.recorded_by)) ?? 'Unknown',
  version: r.version,
  enteredInError: errorMark(r, names),
});

// An episode's rows of each kind, newest first.
const therapiesOf = compiledOnce((db, p: { id: string }) =>
  db
    .selectFrom('therapies')
    .selectAll()
    .where('episode_id', '=', p.id)
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc'),
);
const functionScoresOf = compiledOnce((db, p: { id: string }) =>
  db
    .selectFrom('function_scores')
    .selectAll()
    .where('episode_id', '=', p.id)
    .orderBy('taken_on', 'desc')
    .orderBy('id', 'desc'),
);
const runningChecksOf = compiledOnce((db, p: { id: string }) =>
  db
    .selectFrom('running_checks')
    .selectAll()
    .where('episode_id', '=', p.id)
    .orderBy('taken_on', 'desc')
    .orderBy('id', 'desc'),
);

/** Everything recorded on an episode, with conservative care measured against its rule set. */
export async function episodeRecord(
  db: Kysely<Database>,
  id: string,
  /** The practice's time zone, when the caller has it already (app.practiceTimeZone()). */
  timeZone?: string,
): Promise<EpisodeRecord> {
  // Each read starts as soon as what it needs is in (issue 11: round trips): the rule set once the
  // episode is, the names once the rows are.
  const episodeRead = episodeView(db, id).then((view) => view!);
  const rowsRead = Promise.all([
    therapiesOf(db, { id }),
    functionScoresOf(db, { id }),
    runningChecksOf(db, { id }),
  ]);
  const [episode, [therapies, functionScores, runningChecks], names, ruleSet] = await Promise.all([
    episodeRead,
    rowsRead,
    rowsRead.then((rows) =>
      userNames(
        db,
        rows.flat().flatMap((r) => [r.recorded_by, r.error_by]),
      ),
    ),
    episodeRead.then((episode) => ruleSetForEpisode(db, episode.ruleSetId)),
  ]);
  const minimumDays = ruleSet.settings.conservativeCareMinDays;
  const care = meetsConservativeCareMinimum(
    therapies.map((t) => ({
      startDate: t.start_date,
      endDate: t.end_date,
      enteredInError: !!t.error_reason,
    })),
    todayIn(timeZone ?? (await practiceTimeZone(db))),
    minimumDays,
  );
  return {
    episode,
    therapies: therapies.map((r) => therapyView(r, names)),
    functionScores: functionScores.map((r) => functionScoreView(r, names)),
    runningChecks: runningChecks.map((r) => runningCheckView(r, names)),
    conservativeCare: { ...care, ruleSetName: `${ruleSet.name} v${ruleSet.version}` },
  };
}
