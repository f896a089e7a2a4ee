import type { Kysely, Selectable } from 'kysely';
import {
  assessBlock,
  type AnestheticAgent,
  type AssessmentView,
  type ComparedBlock,
  type DiaryScore,
  earlierBlockToCompare,
  PROCEDURE_SHORT,
  procedureLabels,
  type ProcedureKind,
  type ProcedureView,
  type RuleSetSettings,
  type Sedation,
} from '../../domain/index.ts';
import type { Database, ProceduresTable } from '../db/schema.ts';
import { notFound } from '../http-problem.ts';
import { errorMark, iso, userNames } from './clinical-rows.ts';
import { blockFactsOf, diaryScoresOf } from './rule-inputs.ts';
import { ruleSetForEpisode, type StoredRuleSet } from './rule-sets.ts';

type ProcedureRow = Selectable<ProceduresTable>;

/** "MBB #2" labels of the episode's valid procedures (domain procedureLabels). */
async function kindLabels(db: Kysely<Database>, episodeId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('procedures')
    .select(['id', 'kind', 'performed_at', 'sequence'])
    .where('episode_id', '=', episodeId)
    .where('error_reason', 'is', null)
    .execute();
  return procedureLabels(
    rows.map((r) => ({
      id: String(r.id),
      kind: r.kind as ProcedureKind,
      performedAt: r.performed_at,
      sequence: r.sequence,
    })),
  );
}

/** Procedures shaped for the API, with labels, names and the current signed interpretation. */
export async function procedureViews(
  db: Kysely<Database>,
  rows: ProcedureRow[],
): Promise<ProcedureView[]> {
  if (!rows.length) return [];
  const episodeIds = [...new Set(rows.map((r) => String(r.episode_id)))];
  const episodes = await db
    .selectFrom('episodes')
    .select(['id', 'patient_id'])
    .where('id', 'in', episodeIds)
    .execute();
  const patientOf = new Map(episodes.map((e) => [String(e.id), String(e.patient_id)]));
  const labels = new Map<string, string>();
  for (const id of episodeIds) for (const [k, v] of await kindLabels(db, id)) labels.set(k, v);
  const interpretations = await db
    .selectFrom('interpretations')
    .selectAll()
    .where(
      'procedure_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('version', 'desc')
    .execute();
  const names = await userNames(db, [
    ...rows.flatMap((r) => [r.recorded_by, r.performer_id, r.error_by]),
    ...interpretations.map((i) => i.signed_by),
  ]);
  return rows.map((r) => {
    const latest = interpretations.find((i) => String(i.procedure_id) === String(r.id));
    return {
      id: String(r.id),
      episodeId: String(r.episode_id),
      patientId: patientOf.get(String(r.episode_id))!,
      kind: r.kind as ProcedureKind,
      intent: r.intent as ProcedureView['intent'],
      sequence: r.sequence,
      label: labels.get(String(r.id)) ?? PROCEDURE_SHORT[r.kind as ProcedureKind],
      performedAt: iso(r.performed_at),
      levels: r.levels,
      side: r.side as ProcedureView['side'],
      anesthetic: {
        agent: r.anesthetic_agent as AnestheticAgent,
        concentrationPercent: r.anesthetic_concentration_percent,
        volumeMl: r.anesthetic_volume_ml,
      },
      steroid: r.steroid_name ? { name: r.steroid_name, doseMg: r.steroid_dose_mg ?? 0 } : null,
      guidance: r.guidance as ProcedureView['guidance'],
      sedation: r.sedation as Sedation,
      performerId: r.performer_id === null ? null : String(r.performer_id),
      performerName: r.performer_id === null ? null : (names.get(String(r.performer_id)) ?? null),
      complications: r.complications,
      notes: r.notes,
      sedationReason: r.sedation_reason,
      intervalExceptionReason: r.interval_exception_reason,
      rfaNotPossibleReason: r.rfa_not_possible_reason,
      overrideReason: r.override_reason,
      recordedAt: iso(r.recorded_at),
      recordedByName: names.get(String(r.recorded_by)) ?? 'Unknown',
      version: r.version,
      enteredInError: errorMark(r, names),
      interpretation: latest
        ? {
            version: latest.version,
            text: latest.text,
            verdict: latest.verdict,
            signedAt: iso(latest.signed_at),
            signedByName: names.get(String(latest.signed_by)) ?? 'Unknown',
          }
        : null,
    };
  });
}

/** One procedure row with its episode's patient and rule set, or 404. */
export async function loadProcedure(
  db: Kysely<Database>,
  id: string,
): Promise<{ row: ProcedureRow; patientId: string; region: string; ruleSet: StoredRuleSet }> {
  const row = await db.selectFrom('procedures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The procedure');
  const episode = await db
    .selectFrom('episodes')
    .select(['patient_id', 'region', 'rule_set_id'])
    .where('id', '=', row.episode_id)
    .executeTakeFirstOrThrow();
  const ruleSet = await ruleSetForEpisode(db, episode.rule_set_id);
  return { row, patientId: String(episode.patient_id), region: episode.region, ruleSet };
}

async function diaryScores(
  db: Kysely<Database>,
  procedureId: string,
  rules: RuleSetSettings,
): Promise<DiaryScore[]> {
  const rows = await db
    .selectFrom('pain_scores')
    .selectAll()
    .where('procedure_id', '=', procedureId)
    .orderBy('minutes_after')
    .orderBy('id')
    .execute();
  return diaryScoresOf(rows, rules);
}

/**
 * The block's assessment under its episode's rule set (domain/assessment.ts). A diagnostic block is
 * compared with the earlier diagnostic block of the same kind that domain earlierBlockToCompare picks.
 */
export async function assessProcedure(
  db: Kysely<Database>,
  id: string,
): Promise<AssessmentView & { patientId: string }> {
  const { row, patientId, ruleSet } = await loadProcedure(db, id);
  const rules = ruleSet.settings;
  const facts = blockFactsOf(row);
  let previous: ComparedBlock | null = null;
  if (row.intent === 'diagnostic') {
    const earlier = await db
      .selectFrom('procedures')
      .selectAll()
      .where('episode_id', '=', row.episode_id)
      .where('intent', '=', 'diagnostic')
      .where('kind', '=', row.kind)
      .where('error_reason', 'is', null)
      .where('performed_at', '<', row.performed_at)
      .execute();
    const prior = earlierBlockToCompare(
      facts as Required<typeof facts>,
      earlier.map((r) => ({
        procedureId: String(r.id),
        performedAt: r.performed_at.toISOString(),
        side: r.side as ComparedBlock['side'],
        levels: r.levels,
        row: r,
      })),
    );
    if (prior) {
      const priorFacts = blockFactsOf(prior.row);
      const a = assessBlock(await diaryScores(db, prior.procedureId, rules), rules, priorFacts);
      previous = {
        procedureId: prior.procedureId,
        performedAt: prior.performedAt,
        side: prior.side,
        levels: prior.levels,
        agent: priorFacts.agent,
        verdict: a.verdict,
        reliefDurationMinutes: a.reliefDurationMinutes,
      };
    }
  }
  const assessment = assessBlock(await diaryScores(db, id, rules), rules, facts, previous);
  return {
    ...assessment,
    ruleSet: { id: ruleSet.id, name: ruleSet.name, version: ruleSet.version },
    patientId,
  };
}
