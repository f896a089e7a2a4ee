import type { Kysely } from 'kysely';
import {
  assessBlock,
  type EpisodeReport,
  type FunctionInstrument,
  type Intent,
  type PainContext,
  type PainTimeline,
  procedureLabels,
  type ProcedureKind,
  type Region,
  type Stage,
} from '../../domain/index.ts';
import { anyOf, compiledOnce } from '../db/compiled-once.ts';
import type { Database } from '../db/schema.ts';
import { notFound } from '../http-problem.ts';
import {
  episodeById,
  episodePatientId,
  iso,
  userNames,
  validProceduresOf,
  validScoresOfProcedure,
} from './clinical-rows.ts';
import { episodeChecks } from './episode-checks.ts';
import { episodeRecord } from './episode-record.ts';
import { scoreViews } from './pain-scores.ts';
import { loadPatientView } from './patient-views.ts';
import { assessProcedure, procedureViews } from './procedure-data.ts';
import { blockFactsOf, diaryScoresOf } from './rule-inputs.ts';
import { ruleSetForEpisode } from './rule-sets.ts';

// The timeline's reads (compiledOnce: the same SQL every time, issue 11).
const stageChangesOf = compiledOnce((db, p: { id: string }) =>
  db.selectFrom('stage_changes').selectAll().where('episode_id', '=', p.id).orderBy('id'),
);
const validFunctionScoresOf = compiledOnce((db, p: { id: string }) =>
  db
    .selectFrom('function_scores')
    .selectAll()
    .where('episode_id', '=', p.id)
    .where('error_reason', 'is', null)
    .orderBy('taken_on'),
);
const timelineScoresOf = compiledOnce((db, p: { ids: readonly string[] }) =>
  db
    .selectFrom('pain_scores')
    .selectAll()
    .where(anyOf('procedure_id', p.ids))
    .where('error_reason', 'is', null)
    .orderBy('describes_at'),
);

/**
 * The patient's pain timeline over the whole episode: all valid NRS scores, procedure markers, stage
 * bands and function scores, with the threshold of the rule set the episode is read under.
 */
export async function painTimeline(
  db: Kysely<Database>,
  id: string,
): Promise<PainTimeline & { patientId: string }> {
  // The reads that need only the episode's id go out together (db/concurrent.ts), then the two
  // that need what they brought.
  const [{ patientId }, episode, procedures, history, functionScores] = await Promise.all([
    episodePatientId(db, id),
    episodeById(db, id),
    validProceduresOf(db, { id }),
    stageChangesOf(db, { id }),
    validFunctionScoresOf(db, { id }),
  ]);
  // episodePatientId answers 404 for an unknown episode, whichever read comes back first.
  if (!episode) throw notFound('The episode');
  const [ruleSet, scores] = await Promise.all([
    ruleSetForEpisode(db, episode.rule_set_id),
    procedures.length ? timelineScoresOf(db, { ids: procedures.map((p) => p.id) }) : [],
  ]);
  const labels = procedureLabels(
    procedures.map((p) => ({
      id: String(p.id),
      kind: p.kind as ProcedureKind,
      performedAt: p.performed_at,
      sequence: p.sequence,
    })),
  );
  const rules = ruleSet.settings;
  // Each block's verdict per side, in words, for the patient page (domain assessBlock).
  const reading = (p: (typeof procedures)[number]) =>
    assessBlock(
      diaryScoresOf(
        scores.filter((s) => String(s.procedure_id) === String(p.id)),
        rules,
      ),
      rules,
      blockFactsOf(p),
    );
  return {
    patientId,
    episode: {
      id,
      region: episode.region as Region,
      onsetDate: episode.onset_date,
      baselineNrsRest: episode.baseline_nrs_rest,
      baselineNrsActivity: episode.baseline_nrs_activity,
    },
    ruleSet: {
      id: ruleSet.id,
      name: ruleSet.name,
      version: ruleSet.version,
      positiveThresholdPercent: ruleSet.settings.positiveThresholdPercent,
      thresholdExclusive: ruleSet.settings.thresholdExclusive,
    },
    procedures: procedures.map((p) => {
      const a = reading(p);
      return {
        id: String(p.id),
        label: labels.get(String(p.id))!,
        kind: p.kind as ProcedureKind,
        intent: p.intent as Intent,
        performedAt: iso(p.performed_at),
        verdict: a.verdict,
        sideSummary: a.summary,
        overrideReason: p.override_reason,
      };
    }),
    scores: scores.map((s) => ({
      at: iso(s.describes_at),
      score: s.score,
      context: s.context as PainContext,
      side: s.side as 'left' | 'right' | null,
      minutesAfter: s.minutes_after,
      procedureId: String(s.procedure_id),
      label: labels.get(String(s.procedure_id))!,
    })),
    stages: history.map((h, i) => ({
      stage: h.to_stage as Stage,
      from: iso(h.at),
      to: history[i + 1] ? iso(history[i + 1]!.at) : null,
    })),
    functionScores: functionScores.map((f) => ({
      takenOn: f.taken_on,
      instrument: f.instrument as FunctionInstrument,
      total: f.total,
      band: f.band,
    })),
  };
}

/** The printable documentation report: patient, record, every valid block with its diary and assessment, and the checks. */
export async function episodeReport(
  db: Kysely<Database>,
  id: string,
): Promise<EpisodeReport & { patientId: string }> {
  const { patientId } = await episodePatientId(db, id);
  const [patient, record, checks] = await Promise.all([
    loadPatientView(db, patientId),
    episodeRecord(db, id),
    episodeChecks(db, id),
  ]);
  const rows = await validProceduresOf(db, { id });
  const procedures = await procedureViews(db, rows);
  const blocks: EpisodeReport['blocks'] = [];
  for (const procedure of procedures) {
    const scoreRows = await validScoresOfProcedure(db, { id: procedure.id });
    const names = await userNames(
      db,
      scoreRows.map((r) => r.recorded_by),
    );
    const { patientId: _, ...assessment } = await assessProcedure(db, procedure.id);
    blocks.push({
      procedure,
      scores: scoreViews(scoreRows, names, checks.input.rules.lateEntryMinutes),
      assessment,
    });
  }
  return {
    patientId,
    generatedAt: new Date().toISOString(),
    patient: patient!,
    ...record,
    blocks,
    checks: { ruleSet: checks.ruleSet, checks: checks.checks, nextStep: checks.nextStep },
  };
}
