/**
 * Gathers a batch of patients' records as the plain shapes domain/fhir maps to FHIR. One set of
 * queries per batch (not per patient), so the bulk export reads 20,000 patients in a few hundred
 * round trips; the patient export is a batch of one.
 */
import type { Kysely, Selectable } from 'kysely';
import {
  assessBlock,
  type AnestheticAgent,
  type BlockAssessment,
  type DiaryScore,
  type ExportEpisode,
  type ExportProcedure,
  type PatientExport,
  type Region,
  type Sedation,
  type Sex,
  type Side,
  type Stage,
} from '../../domain/index.ts';
import type { Database, PainScoresTable, ProceduresTable } from '../db/schema.ts';
import { iso, userNames } from './clinical-rows.ts';
import { defaultRuleSet, ruleSetById, type StoredRuleSet } from './rule-sets.ts';

const byKey = <T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const list = map.get(key(r));
    if (list) list.push(r);
    else map.set(key(r), [r]);
  }
  return map;
};

const diary = (scores: Selectable<PainScoresTable>[]): DiaryScore[] =>
  scores.map((s) => ({
    minutesAfter: s.minutes_after,
    score: s.score,
    context: s.context as DiaryScore['context'],
    side: s.side as DiaryScore['side'],
    reportedReliefPercent: s.reported_relief_percent,
    enteredInError: !!s.error_reason,
  }));

/**
 * Assessments of an episode's blocks as GET /procedures/:id/assessment gives them: a diagnostic
 * block is compared with the episode's previous valid diagnostic block of the same kind.
 */
function assessEpisode(
  procedures: Selectable<ProceduresTable>[],
  scoresOf: Map<string, Selectable<PainScoresTable>[]>,
  ruleSet: StoredRuleSet,
): Map<string, BlockAssessment> {
  const out = new Map<string, BlockAssessment>();
  const valid = procedures
    .filter((p) => !p.error_reason)
    .sort((a, b) => a.performed_at.getTime() - b.performed_at.getTime() || a.sequence - b.sequence);
  for (const p of valid) {
    const facts = {
      side: p.side as Side,
      sedation: p.sedation as Sedation,
      agent: p.anesthetic_agent as AnestheticAgent,
    };
    const prior =
      p.intent === 'diagnostic'
        ? valid
            .filter(
              (q) =>
                q.intent === 'diagnostic' && q.kind === p.kind && q.performed_at < p.performed_at,
            )
            .at(-1)
        : undefined;
    const previous =
      prior && out.has(String(prior.id))
        ? {
            procedureId: String(prior.id),
            agent: prior.anesthetic_agent as AnestheticAgent,
            reliefDurationMinutes: out.get(String(prior.id))!.reliefDurationMinutes,
          }
        : null;
    out.set(
      String(p.id),
      assessBlock(diary(scoresOf.get(String(p.id)) ?? []), ruleSet.settings, facts, previous),
    );
  }
  return out;
}

/** The records of the given patients (missing ids are skipped), in id order. */
export async function gatherPatientExports(
  db: Kysely<Database>,
  patientIds: readonly string[],
): Promise<PatientExport[]> {
  if (!patientIds.length) return [];
  const patients = await db
    .selectFrom('patients')
    .selectAll()
    .where('id', 'in', [...patientIds])
    .orderBy('id')
    .execute();
  if (!patients.length) return [];
  const episodes = await db
    .selectFrom('episodes')
    .selectAll()
    .where(
      'patient_id',
      'in',
      patients.map((p) => p.id),
    )
    .orderBy('id')
    .execute();
  const episodeIds = episodes.map((e) => e.id);
  const [stages, procedures, functionScores] = episodeIds.length
    ? await Promise.all([
        db
          .selectFrom('stage_changes')
          .selectAll()
          .where('episode_id', 'in', episodeIds)
          .orderBy('id')
          .execute(),
        db
          .selectFrom('procedures')
          .selectAll()
          .where('episode_id', 'in', episodeIds)
          .orderBy('performed_at')
          .orderBy('sequence')
          .execute(),
        db
          .selectFrom('function_scores')
          .selectAll()
          .where('episode_id', 'in', episodeIds)
          .orderBy('taken_on')
          .orderBy('id')
          .execute(),
      ])
    : [[], [], []];
  const scores = procedures.length
    ? await db
        .selectFrom('pain_scores')
        .selectAll()
        .where(
          'procedure_id',
          'in',
          procedures.map((p) => p.id),
        )
        .orderBy('minutes_after')
        .orderBy('id')
        .execute()
    : [];
  const names = await userNames(
    db,
    procedures.map((p) => p.performer_id),
  );
  const ruleSets = new Map<string, StoredRuleSet>();
  const fallback = await defaultRuleSet(db);
  for (const id of new Set(
    episodes
      .map((e) => e.rule_set_id)
      .filter((id): id is string => id !== null)
      .map(String),
  )) {
    ruleSets.set(id, (await ruleSetById(db, id)) ?? fallback);
  }

  const stagesOf = byKey(stages, (s) => String(s.episode_id));
  const proceduresOf = byKey(procedures, (p) => String(p.episode_id));
  const functionOf = byKey(functionScores, (f) => String(f.episode_id));
  const scoresOf = byKey(scores, (s) => String(s.procedure_id));
  const episodesOf = byKey(episodes, (e) => String(e.patient_id));

  const episodeExport = (e: (typeof episodes)[number]): ExportEpisode => {
    const ruleSet = e.rule_set_id ? (ruleSets.get(String(e.rule_set_id)) ?? fallback) : fallback;
    const rows = proceduresOf.get(String(e.id)) ?? [];
    const assessments = assessEpisode(rows, scoresOf, ruleSet);
    return {
      id: String(e.id),
      region: e.region as Region,
      side: e.side as Side,
      onsetDate: e.onset_date,
      stage: e.stage as Stage,
      openedAt: iso(e.created_at),
      stageHistory: (stagesOf.get(String(e.id)) ?? []).map((s) => ({
        stage: s.to_stage as Stage,
        at: iso(s.at),
      })),
      procedures: rows.map((p): ExportProcedure => {
        const procedureScores = scoresOf.get(String(p.id)) ?? [];
        const a = assessments.get(String(p.id));
        const hasValidScores = procedureScores.some((s) => !s.error_reason);
        return {
          id: String(p.id),
          kind: p.kind as ExportProcedure['kind'],
          intent: p.intent as ExportProcedure['intent'],
          performedAt: iso(p.performed_at),
          levels: p.levels,
          side: p.side as Side,
          anesthetic: {
            agent: p.anesthetic_agent,
            concentrationPercent: Number(p.anesthetic_concentration_percent),
            volumeMl: Number(p.anesthetic_volume_ml),
          },
          steroid: p.steroid_name
            ? { name: p.steroid_name, doseMg: Number(p.steroid_dose_mg ?? 0) }
            : null,
          guidance: p.guidance,
          sedation: p.sedation,
          performerName:
            p.performer_id === null ? null : (names.get(String(p.performer_id)) ?? null),
          enteredInError: !!p.error_reason,
          scores: procedureScores.map((s) => ({
            id: String(s.id),
            minutesAfter: s.minutes_after,
            describesAt: iso(s.describes_at),
            enteredAt: iso(s.entered_at),
            score: s.score,
            context: s.context as 'rest' | 'activity',
            side: s.side as 'left' | 'right' | null,
            reportedReliefPercent: s.reported_relief_percent,
            enteredInError: !!s.error_reason,
          })),
          assessment:
            a && hasValidScores
              ? {
                  peakReliefPercent: a.peakReliefPercent,
                  reportedPeakReliefPercent: a.reportedPeakReliefPercent,
                  reliefDurationMinutes: a.reliefDurationMinutes,
                  verdict: a.verdict,
                  ruleSet: { id: ruleSet.id, name: ruleSet.name, version: ruleSet.version },
                  comparative: a.comparative
                    ? {
                        result: a.comparative.result,
                        previousProcedureId: a.comparative.previousProcedureId,
                      }
                    : null,
                }
              : null,
        };
      }),
      functionScores: (functionOf.get(String(e.id)) ?? []).map((f) => ({
        id: String(f.id),
        instrument: f.instrument as 'odi' | 'ndi',
        takenOn: f.taken_on,
        sections: f.sections,
        total: f.total === null ? null : Number(f.total),
        band: f.band,
        enteredInError: !!f.error_reason,
      })),
    };
  };

  return patients.map((p) => ({
    patient: {
      id: String(p.id),
      mrn: p.mrn,
      givenName: p.given_name,
      familyName: p.family_name,
      birthDate: p.birth_date,
      sex: p.sex as Sex,
      phone: p.phone,
      email: p.email,
    },
    episodes: (episodesOf.get(String(p.id)) ?? []).map(episodeExport),
  }));
}
