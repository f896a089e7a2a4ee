import type { Kysely, Selectable } from 'kysely';
import {
  type CheckInput,
  type CheckProcedure,
  localDateOf,
  nextStep,
  type NextStep,
  type OtherCause,
  type PayerCheck,
  payerChecks,
  plannedLabel,
  PROCEDURE_SHORT,
  type ProcedureCreate,
  procedureLabels,
  type ProcedureKind,
  type Radiculopathy,
  type Region,
  type RuleSetSettings,
  THERAPY_LABELS,
  type TherapyKind,
  type TherapyResponse,
  todayIn,
} from '../../domain/index.ts';
import { anyOf, compiledOnce } from '../db/compiled-once.ts';
import type { Database, ProceduresTable } from '../db/schema.ts';
import { notFound } from '../http-problem.ts';
import { episodeById } from './clinical-rows.ts';
import { practiceTimeZone } from './practice-settings.ts';
import { diaryScoresOf, checkProcedureOf } from './rule-inputs.ts';
import { ruleSetForEpisode } from './rule-sets.ts';

type ProcedureRow = Selectable<ProceduresTable>;

// The reads of the checks (compiledOnce: the same SQL every time, issue 11).
const validScoresOf = compiledOnce((db, p: { ids: readonly string[] }) =>
  db
    .selectFrom('pain_scores')
    .selectAll()
    .where(anyOf('procedure_id', p.ids))
    .where('error_reason', 'is', null)
    .orderBy('minutes_after')
    .orderBy('id'),
);
const therapiesOf = compiledOnce((db, p: { id: string }) =>
  db.selectFrom('therapies').selectAll().where('episode_id', '=', p.id),
);
const validFunctionScoresOf = compiledOnce((db, p: { id: string }) =>
  db
    .selectFrom('function_scores')
    .selectAll()
    .where('episode_id', '=', p.id)
    .where('error_reason', 'is', null),
);
/** The patient's valid procedures in the region, and (id, kind, date, region) in the others. */
const regionProceduresOf = compiledOnce((db, p: { patientId: string; region: string }) =>
  db
    .selectFrom('procedures')
    .innerJoin('episodes', 'episodes.id', 'procedures.episode_id')
    .selectAll('procedures')
    .where('episodes.patient_id', '=', p.patientId)
    .where('episodes.region', '=', p.region)
    .where('procedures.error_reason', 'is', null),
);
const otherRegionProceduresOf = compiledOnce((db, p: { patientId: string; region: string }) =>
  db
    .selectFrom('procedures')
    .innerJoin('episodes', 'episodes.id', 'procedures.episode_id')
    .select(['procedures.id', 'procedures.kind', 'procedures.performed_at', 'episodes.region'])
    .where('episodes.patient_id', '=', p.patientId)
    .where('episodes.region', '<>', p.region)
    .where('procedures.error_reason', 'is', null),
);

async function toCheckProcedures(
  db: Kysely<Database>,
  rows: ProcedureRow[],
  rules: RuleSetSettings,
  timeZone: string,
): Promise<CheckProcedure[]> {
  if (!rows.length) return [];
  const scores = await validScoresOf(db, { ids: rows.map((r) => r.id) });
  // "MBB #n" counts per episode (domain procedureLabels).
  const labels = new Map<string, string>();
  for (const episodeId of new Set(rows.map((r) => String(r.episode_id)))) {
    const own = rows
      .filter((r) => String(r.episode_id) === episodeId)
      .map((r) => ({
        id: String(r.id),
        kind: r.kind as ProcedureKind,
        performedAt: r.performed_at,
        sequence: r.sequence,
      }));
    for (const [id, label] of procedureLabels(own)) labels.set(id, label);
  }
  return rows
    .map((r) =>
      checkProcedureOf(
        r,
        diaryScoresOf(
          scores.filter((s) => String(s.procedure_id) === String(r.id)),
          rules,
        ),
        rules,
        timeZone,
        labels.get(String(r.id))!,
      ),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** A procedure not saved yet, as the checks would see it (relief unknown). */
function prospective(p: ProcedureCreate, label: string, timeZone: string): CheckProcedure {
  return {
    id: 'new',
    label,
    kind: p.kind,
    intent: p.intent,
    date: localDateOf(p.performedAt, timeZone),
    levels: p.levels,
    side: p.side,
    guidance: p.guidance,
    sedation: p.sedation,
    sedationReason: p.sedationReason ?? null,
    intervalExceptionReason: p.intervalExceptionReason ?? null,
    rfaNotPossibleReason: p.rfaNotPossibleReason ?? null,
    verdict: 'not-assessable',
    peakReliefPercent: null,
    daysAtHalfRelief: null,
  };
}

export interface EpisodeChecks {
  ruleSet: { id: string; name: string; version: number };
  checks: PayerCheck[];
  nextStep: NextStep;
  input: CheckInput;
}

/** Everything the payer-rule checks read for an episode, from the database; optionally with a procedure about to be recorded. */
export async function episodeChecks(
  db: Kysely<Database>,
  episodeId: string,
  {
    planned,
    timeZone: knownZone,
  }: {
    planned?: ProcedureCreate | undefined;
    /** The practice's time zone, when the caller has it already (app.practiceTimeZone()). */
    timeZone?: string;
  } = {},
): Promise<EpisodeChecks & { patientId: string }> {
  // What needs only the episode's id is read beside the episode itself (issue 11: a round trip fewer).
  const [episode, therapies, functionScores] = await Promise.all([
    episodeById(db, episodeId),
    therapiesOf(db, { id: episodeId }),
    validFunctionScoresOf(db, { id: episodeId }),
  ]);
  if (!episode) throw notFound('The episode');
  const timeZone = knownZone ?? (await practiceTimeZone(db));
  const [ruleSet, regionRows, otherRegionRows] = await Promise.all([
    ruleSetForEpisode(db, episode.rule_set_id),
    regionProceduresOf(db, { patientId: episode.patient_id, region: episode.region }),
    otherRegionProceduresOf(db, { patientId: episode.patient_id, region: episode.region }),
  ]);
  const rules = ruleSet.settings;
  const regionProcedures = await toCheckProcedures(db, regionRows, rules, timeZone);
  const own = new Set(
    regionRows.filter((r) => String(r.episode_id) === episodeId).map((r) => String(r.id)),
  );
  let procedures = regionProcedures.filter((p) => own.has(p.id));
  let all = regionProcedures;
  if (planned) {
    const next = prospective(planned, plannedLabel(planned.kind, procedures), timeZone);
    procedures = [...procedures, next];
    all = [...all, next];
  }
  const baselines = [episode.baseline_nrs_rest, episode.baseline_nrs_activity].filter(
    (v): v is number => v !== null,
  );
  const input: CheckInput = {
    asOf: todayIn(timeZone),
    region: episode.region as Region,
    onsetDate: episode.onset_date,
    baselineNrs: baselines.length ? Math.max(...baselines) : null,
    therapies: therapies.map((t) => ({
      id: String(t.id),
      label: THERAPY_LABELS[t.kind as TherapyKind] ?? t.kind,
      startDate: t.start_date,
      endDate: t.end_date,
      response: t.response as TherapyResponse | null,
      enteredInError: !!t.error_reason,
    })),
    functionScores: functionScores.map((f) => ({
      id: String(f.id),
      instrument: f.instrument,
      takenOn: f.taken_on,
      total: f.total,
      band: f.band,
    })),
    intake: {
      radiculopathy: episode.radiculopathy as Radiculopathy | null,
      otherCause: episode.other_cause as OtherCause | null,
    },
    otherRegionProcedures: otherRegionRows.map((r) => ({
      id: String(r.id),
      label: PROCEDURE_SHORT[r.kind as ProcedureKind],
      date: localDateOf(r.performed_at, timeZone),
      region: r.region,
    })),
    procedures,
    regionProcedures: all,
    rules,
  };
  const checks = payerChecks(input);
  return {
    ruleSet: { id: ruleSet.id, name: ruleSet.name, version: ruleSet.version },
    checks,
    nextStep: nextStep(input, checks),
    input,
    patientId: String(episode.patient_id),
  };
}

/**
 * The checks a planned procedure would fail: those not failing without it, and those already failing
 * whose evidence now names the planned procedure (an earlier violation does not excuse a new one).
 */
export async function checksFailedBy(
  db: Kysely<Database>,
  episodeId: string,
  planned: ProcedureCreate,
): Promise<PayerCheck[]> {
  const before = await episodeChecks(db, episodeId);
  const after = await episodeChecks(db, episodeId, { planned });
  const failingBefore = new Set(
    before.checks.filter((c) => c.status === 'not-met').map((c) => c.id),
  );
  return after.checks.filter(
    (c) =>
      c.status === 'not-met' &&
      (!failingBefore.has(c.id) || c.evidence.some((e) => e.id === 'new')),
  );
}
