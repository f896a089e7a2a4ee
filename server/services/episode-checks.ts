import type { Kysely, Selectable } from 'kysely';
import {
  assessBlock, type AnestheticAgent, type CheckInput, type CheckProcedure, dateOf, type DiaryScore, nextStep, type NextStep, type PayerCheck,
  payerChecks, PROCEDURE_SHORT, type ProcedureCreate, type ProcedureKind, type Region, type RuleSetSettings, type Sedation, THERAPY_LABELS,
  type TherapyKind, todayIso,
} from '../../domain/index.ts';
import type { Database, ProceduresTable } from '../db/schema.ts';
import { notFound } from '../http-problem.ts';
import { ruleSetForEpisode } from './rule-sets.ts';

type ProcedureRow = Selectable<ProceduresTable>;

/** Reads of relief for the checks: the verdict under the rule set, and days at >= 50% relief from follow-up scores. */
function readRelief(row: ProcedureRow, scores: DiaryScore[], rules: RuleSetSettings) {
  const facts = { side: row.side as 'left' | 'right' | 'bilateral', sedation: row.sedation as Sedation, agent: row.anesthetic_agent as AnestheticAgent };
  const assessment = assessBlock(scores, rules, facts);
  // Long-term relief: the same diary read against 50%, without an anesthetic-phase limit on the peak.
  const half = assessBlock(scores, { ...rules, positiveThresholdPercent: 50, thresholdExclusive: false, anestheticPhaseMinutes: 400 * 1440 }, facts);
  const hasFollowUp = half.series.some((s) => s.points.length > 0 && s.baseline !== null && s.baseline > 0);
  const daysAtHalfRelief = !hasFollowUp ? null : half.reliefDurationMinutes === null ? 0 : Math.floor(half.reliefDurationMinutes / 1440);
  return { verdict: assessment.verdict, peakReliefPercent: assessment.peakReliefPercent, daysAtHalfRelief };
}

async function toCheckProcedures(db: Kysely<Database>, rows: ProcedureRow[], rules: RuleSetSettings): Promise<CheckProcedure[]> {
  if (!rows.length) return [];
  const scores = await db.selectFrom('pain_scores').selectAll().where('procedure_id', 'in', rows.map((r) => r.id)).where('error_reason', 'is', null)
    .orderBy('minutes_after').orderBy('id').execute();
  const ordered = [...rows].sort((a, b) => a.performed_at.getTime() - b.performed_at.getTime() || a.sequence - b.sequence);
  const counts: Record<string, number> = {};
  return ordered.map((r) => {
    const key = `${r.episode_id}:${r.kind}`;
    counts[key] = (counts[key] ?? 0) + 1;
    const diary: DiaryScore[] = scores.filter((s) => String(s.procedure_id) === String(r.id)).map((s) => ({
      minutesAfter: s.minutes_after, score: s.score, context: s.context as DiaryScore['context'], side: s.side as DiaryScore['side'], reportedReliefPercent: s.reported_relief_percent,
    }));
    return {
      id: String(r.id), label: `${PROCEDURE_SHORT[r.kind as ProcedureKind]} #${counts[key]}`, kind: r.kind as ProcedureKind, intent: r.intent as CheckProcedure['intent'],
      date: dateOf(r.performed_at.toISOString()), levels: r.levels, guidance: r.guidance as CheckProcedure['guidance'], sedation: r.sedation as Sedation,
      sedationReason: r.sedation_reason, intervalExceptionReason: r.interval_exception_reason, rfaNotPossibleReason: r.rfa_not_possible_reason,
      ...readRelief(r, diary, rules),
    };
  });
}

/** A procedure not saved yet, as the checks would see it (relief unknown). */
function prospective(p: ProcedureCreate, label: string): CheckProcedure {
  return {
    id: 'new', label, kind: p.kind, intent: p.intent, date: dateOf(p.performedAt), levels: p.levels, guidance: p.guidance, sedation: p.sedation,
    sedationReason: p.sedationReason ?? null, intervalExceptionReason: p.intervalExceptionReason ?? null, rfaNotPossibleReason: p.rfaNotPossibleReason ?? null,
    verdict: 'not-assessable', peakReliefPercent: null, daysAtHalfRelief: null,
  };
}

export interface EpisodeChecks { ruleSet: { id: string; name: string; version: number }; checks: PayerCheck[]; nextStep: NextStep; input: CheckInput }

/** Everything the payer-rule checks read for an episode, from the database; optionally with a procedure about to be recorded. */
export async function episodeChecks(db: Kysely<Database>, episodeId: string, planned?: ProcedureCreate): Promise<EpisodeChecks & { patientId: string }> {
  const episode = await db.selectFrom('episodes').selectAll().where('id', '=', episodeId).executeTakeFirst();
  if (!episode) throw notFound('The episode');
  const ruleSet = await ruleSetForEpisode(db, episode.rule_set_id);
  const rules = ruleSet.settings;
  const [therapies, functionScores, regionRows] = await Promise.all([
    db.selectFrom('therapies').selectAll().where('episode_id', '=', episodeId).execute(),
    db.selectFrom('function_scores').selectAll().where('episode_id', '=', episodeId).where('error_reason', 'is', null).execute(),
    db.selectFrom('procedures').innerJoin('episodes', 'episodes.id', 'procedures.episode_id').selectAll('procedures')
      .where('episodes.patient_id', '=', episode.patient_id).where('episodes.region', '=', episode.region).where('procedures.error_reason', 'is', null).execute(),
  ]);
  const regionProcedures = await toCheckProcedures(db, regionRows, rules);
  const own = new Set(regionRows.filter((r) => String(r.episode_id) === episodeId).map((r) => String(r.id)));
  let procedures = regionProcedures.filter((p) => own.has(p.id));
  let all = regionProcedures;
  if (planned) {
    const n = procedures.filter((p) => p.kind === planned.kind).length + 1;
    const next = prospective(planned, `${PROCEDURE_SHORT[planned.kind]} #${n} (planned)`);
    procedures = [...procedures, next];
    all = [...all, next];
  }
  const baselines = [episode.baseline_nrs_rest, episode.baseline_nrs_activity].filter((v): v is number => v !== null);
  const input: CheckInput = {
    asOf: todayIso(), region: episode.region as Region, onsetDate: episode.onset_date, baselineNrs: baselines.length ? Math.max(...baselines) : null,
    therapies: therapies.map((t) => ({ id: String(t.id), label: THERAPY_LABELS[t.kind as TherapyKind] ?? t.kind, startDate: t.start_date, endDate: t.end_date, enteredInError: !!t.error_reason })),
    functionScores: functionScores.map((f) => ({ id: String(f.id), instrument: f.instrument, takenOn: f.taken_on, total: f.total })),
    procedures, regionProcedures: all, rules,
  };
  const checks = payerChecks(input);
  return { ruleSet: { id: ruleSet.id, name: ruleSet.name, version: ruleSet.version }, checks, nextStep: nextStep(input, checks), input, patientId: String(episode.patient_id) };
}

/**
 * The checks a planned procedure would fail: those not failing without it, and those already failing
 * whose evidence now names the planned procedure (an earlier violation does not excuse a new one).
 */
export async function checksFailedBy(db: Kysely<Database>, episodeId: string, planned: ProcedureCreate): Promise<PayerCheck[]> {
  const before = await episodeChecks(db, episodeId);
  const after = await episodeChecks(db, episodeId, planned);
  const failingBefore = new Set(before.checks.filter((c) => c.status === 'not-met').map((c) => c.id));
  return after.checks.filter((c) => c.status === 'not-met' && (!failingBefore.has(c.id) || c.evidence.some((e) => e.id === 'new')));
}
