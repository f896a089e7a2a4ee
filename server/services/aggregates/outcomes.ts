import { type Kysely, sql } from 'kysely';
import {
  BUILT_IN_RULE_SETS,
  type BlockReading,
  kaplanMeier,
  type OutcomesQuery,
  type OutcomesReport,
  reliefHolds,
  type SurvivalSubject,
  survivalAt,
} from '../../../domain/index.ts';
import type { Database } from '../../db/schema.ts';
import {
  breathe,
  blockRows,
  readUnderOwn,
  ruleSetSettings,
  storedSeries,
  verdictsUnder,
} from './block-readings.ts';
import { type Cohort, cohortOf, procedureCohortSql } from './cohort.ts';
import { conversion } from './conversion.ts';

/** Bars and points a chart shows at most; a larger cohort is sampled evenly along its order. */
export const MAX_POINTS = 600;
const DAY_MIN = 1440;

/** ISO times compare as text; localeCompare's collation was a tenth of the report's time. */
const byTime = (a: { performedAt: string; procedureId: string }, b: typeof a) =>
  a.performedAt < b.performedAt
    ? -1
    : a.performedAt > b.performedAt
      ? 1
      : Number(a.procedureId) - Number(b.procedureId);

function sample<T>(xs: readonly T[], max = MAX_POINTS): T[] {
  if (xs.length <= max) return [...xs];
  const step = xs.length / max;
  return Array.from({ length: max }, (_, i) => xs[Math.floor(i * step)]!);
}

/**
 * Cohort outcomes for physicians (issue 13): the waterfall of peak relief per diagnostic block, the
 * same blocks under every rule set, MBB -> RFA conversion, RFA durability (Kaplan-Meier), NRS vs
 * reported relief and return to running. Carries procedure and patient ids (a bar opens the block).
 */
export async function outcomesReport(
  db: Kysely<Database>,
  q: OutcomesQuery,
): Promise<OutcomesReport> {
  const { kind = 'mbb', ...rest } = q;
  const [c, sets] = await Promise.all([cohortOf(db, rest), ruleSetSettings(db)]);
  // Independent queries side by side on the pool.
  const [blocks, conv, durability, running] = await Promise.all([
    blockRows(db, c, kind, sets),
    conversion(db, c),
    rfaDurability(db, c),
    returnToRunning(db, c),
  ]);
  // In time order first (SQL rows come in whatever order the plan gives), so the sampled bars and
  // points are the same for the same data whichever plan PostgreSQL picks.
  const own = (await readUnderOwn(blocks, sets)).sort(byTime);
  await breathe();
  const withPeak = own
    .filter((b) => b.peakReliefPercent !== null)
    .sort((a, b) => b.peakReliefPercent! - a.peakReliefPercent!);
  const usedSets = [...new Set(own.map((b) => b.ruleSetId))]
    .map((id) => sets.get(id)!)
    .sort((a, b) => a.name.localeCompare(b.name));

  // The same blocks under each rule set's latest version, each block read once per rule set.
  const latest = new Map<string, (typeof usedSets)[number]>();
  for (const s of sets.values())
    if ((latest.get(s.key)?.version ?? 0) < s.version) latest.set(s.key, s);
  const verdicts = new Map<string, BlockReading['verdict'][]>();
  for (const s of latest.values()) verdicts.set(s.id, await verdictsUnder(blocks, s.settings));
  const byRuleSet = [...latest.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => {
      const counts = { positive: 0, greyZone: 0, negative: 0, notAssessable: 0 };
      for (const v of verdicts.get(s.id)!) {
        if (v === 'positive') counts.positive++;
        else if (v === 'grey-zone') counts.greyZone++;
        else if (v === 'negative') counts.negative++;
        else counts.notAssessable++;
      }
      return { ruleSetId: s.id, name: `${s.name} v${s.version}`, ...counts };
    });

  // Patients with a positive block under the 50% rule (lumbar consensus) but none under the 80% rule
  // (LCD), each as the practice has it now (its latest version; the built-in one if never stored).
  const positivePatients = async (key: string) => {
    const stored = latest.get(key);
    const found = stored
      ? verdicts.get(stored.id)!
      : await verdictsUnder(blocks, BUILT_IN_RULE_SETS.find((r) => r.key === key)!.settings);
    return new Set(blocks.filter((_, i) => found[i] === 'positive').map((b) => b.patientId));
  };
  const pos50 = await positivePatients('lumbar-consensus-2020');
  const pos80 = await positivePatients('medicare-lcd');

  const agreement = own.filter(
    (b) => b.peakReliefPercent !== null && b.reportedPeakReliefPercent !== null,
  );
  return {
    from: c.from,
    to: c.to,
    waterfall: {
      total: withPeak.length,
      truncated: withPeak.length > MAX_POINTS,
      thresholds: usedSets.map((s) => ({
        ruleSet: `${s.name} v${s.version}`,
        percent: s.settings.positiveThresholdPercent,
      })),
      bars: sample(withPeak).map((b) => ({
        procedureId: b.procedureId,
        patientId: b.patientId,
        performedAt: b.performedAt,
        peakReliefPercent: b.peakReliefPercent!,
        verdict: b.verdict,
      })),
    },
    byRuleSet,
    eligibilityChange: {
      patients: [...pos50].filter((p) => !pos80.has(p)).length,
      positiveAt50: pos50.size,
      positiveAt80: pos80.size,
    },
    conversion: {
      ...conv,
      rate: conv.patientsWithMbb ? conv.patientsWithRfa / conv.patientsWithMbb : null,
    },
    durability,
    agreement: {
      total: agreement.length,
      points: sample(agreement).map((b) => ({
        procedureId: b.procedureId,
        patientId: b.patientId,
        nrsPeak: b.peakReliefPercent!,
        reportedPeak: b.reportedPeakReliefPercent!,
      })),
    },
    running,
  };
}

/**
 * RFA durability: from each RFA's baseline and its follow-up scores (a week or more after it), relief
 * is lost at the first follow-up under 50% relief (an event); otherwise the RFA is censored at its last
 * follow-up that still held. RFAs without a baseline or a follow-up say nothing and are left out.
 */
async function rfaDurability(
  db: Kysely<Database>,
  c: Cohort,
): Promise<OutcomesReport['durability']> {
  const series = await storedSeries(db, sql`SELECT p.id FROM ${procedureCohortSql(c, ['rfa'])}`);
  const subjects: SurvivalSubject[] = [];
  for (const list of series.values()) {
    // The activity series, not sided (as before: follow-up calls record the index pain in activity).
    const s = list.find((x) => x.context === 'activity' && x.side === null);
    if (!s || s.baseline === null || s.baseline === 0) continue;
    const baseline = s.baseline;
    const scores = s.minutes
      .map((m, i) => [m, s.scores[i]!] as const)
      .filter(([m]) => m >= 7 * DAY_MIN);
    if (!scores.length) continue;
    const lost = scores.find(([, score]) => !reliefHolds(baseline, score));
    const held = scores.filter(([m]) => !lost || m < lost[0]).at(-1);
    if (lost) subjects.push({ days: Math.round(lost[0] / DAY_MIN), event: true });
    else if (held) subjects.push({ days: Math.round(held[0] / DAY_MIN), event: false });
  }
  const curve = kaplanMeier(subjects);
  return {
    rfas: subjects.length,
    at: [3, 6, 12].map((months) => ({
      months,
      share: survivalAt(curve, subjects.length, Math.round(months * 30.44)),
    })),
    curve,
  };
}

/** Runners treated (RFA or IA) in the cohort: their latest running check after the first treatment. */
async function returnToRunning(
  db: Kysely<Database>,
  c: Cohort,
): Promise<OutcomesReport['running']> {
  const r = await sql<{ status: 'yes' | 'partial' | 'no' | null; n: number }>`
    WITH treated AS (
      SELECT p.episode_id, min(p.performed_at) AS first_at FROM ${procedureCohortSql(c, ['rfa', 'ia'], { withPatient: true })} AND pt.runner AND (p.kind = 'rfa' OR p.intent = 'therapeutic')
      GROUP BY p.episode_id
    )
    SELECT (SELECT rc.status FROM running_checks rc WHERE rc.episode_id = t.episode_id AND rc.error_at IS NULL AND rc.taken_on >= (t.first_at AT TIME ZONE 'UTC')::date
      ORDER BY rc.taken_on DESC, rc.id DESC LIMIT 1) AS status, count(*)::int AS n
    FROM treated t GROUP BY 1`.execute(db);
  const out = { runners: 0, yes: 0, partial: 0, no: 0, notChecked: 0 };
  for (const row of r.rows) {
    out.runners += row.n;
    if (row.status) out[row.status] += row.n;
    else out.notChecked += row.n;
  }
  return out;
}
