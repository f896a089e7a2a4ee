/**
 * A whole block's assessment: every series (context x side), the primary one the verdict comes
 * from, sedation and, for a second diagnostic block, the comparative reading (domain.md section 3).
 */
import { compareBlocks, type AnestheticAgent, type ComparativeResult, type Sedation, sedationConfounds } from './procedures.ts';
import { assessSeries, type BlockVerdict, type DiaryScore, type PainContext, type SideAssessment } from './relief.ts';
import type { RuleSetSettings } from './rule-sets.ts';

export interface BlockFacts {
  side: 'left' | 'right' | 'bilateral';
  sedation: Sedation;
  agent: AnestheticAgent;
}

export interface BlockAssessment {
  baseline: number | null;
  peakReliefPercent: number | null;
  reportedPeakReliefPercent: number | null;
  reliefDurationMinutes: number | null;
  verdict: BlockVerdict;
  confounded: boolean;
  reasons: string[];
  /** The series the verdict is read from. */
  primary: { context: PainContext; side: 'left' | 'right' | null } | null;
  series: SideAssessment[];
  comparative: { previousProcedureId: string; result: ComparativeResult; reason: string } | null;
}

/** Series to read, in order of preference: the index pain with activity first (diaries are kept while doing usually painful movements [27][28]). */
function seriesKeys(scores: readonly DiaryScore[], side: BlockFacts['side']): { context: PainContext; side: 'left' | 'right' | null }[] {
  const sides: ('left' | 'right' | null)[] = side === 'bilateral' ? [null, 'left', 'right'] : [null];
  const keys: { context: PainContext; side: 'left' | 'right' | null }[] = [];
  for (const context of ['activity', 'rest'] as const) {
    for (const s of sides) {
      if (scores.some((x) => !x.enteredInError && x.context === context && (x.side ?? null) === s)) keys.push({ context, side: s });
    }
  }
  return keys;
}

/** Assesses a block's diary under a rule set; `previous` is the prior diagnostic block of the episode, if any. */
export function assessBlock(
  scores: readonly DiaryScore[], rules: RuleSetSettings, facts: BlockFacts,
  previous?: { procedureId: string; agent: AnestheticAgent; reliefDurationMinutes: number | null } | null,
): BlockAssessment {
  const series = seriesKeys(scores, facts.side).map((k) => assessSeries(scores, rules, k.context, k.side));
  const primary = series.find((s) => s.verdict !== 'not-assessable') ?? series[0] ?? null;
  const reasons = series.flatMap((s) => s.reasons);
  if (!series.length) reasons.push('No pain scores recorded yet: record the baseline before the block.');
  const confounded = sedationConfounds(facts.sedation);
  if (confounded) reasons.push(`Sedation (${facts.sedation}) during a diagnostic block confounds the result [50][56].`);
  // Per-side disagreement is worth saying out loud: RFA is planned per side.
  const sideVerdicts = new Set(series.filter((s) => s.side !== null && s.context === primary?.context).map((s) => s.verdict));
  if (sideVerdicts.size > 1) reasons.push('Left and right sides differ: read each side before planning treatment.');
  let comparative: BlockAssessment['comparative'] = null;
  if (previous) {
    const c = compareBlocks(
      { agent: previous.agent, reliefDurationMinutes: previous.reliefDurationMinutes },
      { agent: facts.agent, reliefDurationMinutes: primary?.reliefDurationMinutes ?? null },
    );
    comparative = { previousProcedureId: previous.procedureId, ...c };
    reasons.push(`Comparative blocks: ${c.result}. ${c.reason}`);
  }
  return {
    baseline: primary?.baseline ?? null,
    peakReliefPercent: primary?.peakReliefPercent ?? null,
    reportedPeakReliefPercent: primary?.reportedPeakReliefPercent ?? null,
    reliefDurationMinutes: primary?.reliefDurationMinutes ?? null,
    verdict: primary?.verdict ?? 'not-assessable',
    confounded,
    reasons,
    primary: primary ? { context: primary.context, side: primary.side } : null,
    series,
    comparative,
  };
}
