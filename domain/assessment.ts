/**
 * A whole block's assessment: every series (context x side), a verdict per side with a summary that
 * never hides a side (domain.md section 2: left and right rated separately; RFA is planned per side),
 * sedation and, for a later diagnostic block, the comparative reading (domain.md section 3).
 */
import {
  comparativeReading,
  type AnestheticAgent,
  type ComparativeResult,
  type ComparedBlock,
  type Sedation,
  sedationConfounds,
} from './procedures.ts';
import {
  assessSeries,
  type BlockVerdict,
  type DiaryScore,
  type PainContext,
  type SideAssessment,
  thresholdLabel,
} from './relief.ts';
import type { RuleSetSettings } from './rule-sets.ts';

export type BodySide = 'left' | 'right';

export interface BlockFacts {
  side: 'left' | 'right' | 'bilateral';
  sedation: Sedation;
  agent: AnestheticAgent;
  levels?: readonly string[];
  performedAt?: string;
}

/** One side's reading of a block. */
export interface SideVerdict {
  side: BodySide;
  verdict: BlockVerdict;
  peakReliefPercent: number | null;
  reliefDurationMinutes: number | null;
  /** The series it is read from; side null = scores not split by side, read for both sides. */
  series: { context: PainContext; side: BodySide | null } | null;
}

export interface BlockAssessment {
  baseline: number | null;
  peakReliefPercent: number | null;
  reportedPeakReliefPercent: number | null;
  reliefDurationMinutes: number | null;
  /** The block's verdict: the least favourable of its sides, so a bilateral block and its mirror image read alike. */
  verdict: BlockVerdict;
  /** One verdict per side treated. */
  sides: SideVerdict[];
  /** "Left positive (87.5%), right negative (12.5%)". */
  summary: string;
  confounded: boolean;
  /** The peak the verdict rests on comes from a late entry (domain.md section 2). */
  peakRestsOnLateEntries: boolean;
  threshold: {
    percent: number;
    exclusive: boolean;
    greyZoneLowerPercent: number | null;
    label: string;
  };
  reasons: string[];
  /** The series the verdict is read from. */
  primary: { context: PainContext; side: BodySide | null } | null;
  series: SideAssessment[];
  comparative: { previousProcedureId: string; result: ComparativeResult; reason: string } | null;
}

/** Verdicts from least to most favourable: a negative side outweighs an unread one, which outweighs grey and positive. */
const RANK: Readonly<Record<BlockVerdict, number>> = {
  negative: 0,
  'not-assessable': 1,
  'grey-zone': 2,
  positive: 3,
};
const VERDICT_TEXT: Readonly<Record<BlockVerdict, string>> = {
  positive: 'positive',
  'grey-zone': 'grey zone',
  negative: 'negative',
  'not-assessable': 'not assessable',
};

/** Whether a series has any valid score. */
const has = (scores: readonly DiaryScore[], context: PainContext, side: BodySide | null) =>
  scores.some((x) => !x.enteredInError && x.context === context && (x.side ?? null) === side);

/** Sides a procedure treats. */
export function sidesOf(side: BlockFacts['side']): BodySide[] {
  return side === 'bilateral' ? ['left', 'right'] : [side];
}

/**
 * Reads one side: its own series (activity first: diaries are kept while doing usually painful
 * movements [27][28]), else the series not split by side.
 */
function readSide(
  all: SideAssessment[],
  side: BodySide,
  bilateral: boolean,
): SideAssessment | null {
  const candidates = ['activity', 'rest'].flatMap((context) => {
    const own = bilateral ? all.find((s) => s.context === context && s.side === side) : undefined;
    const shared = all.find((s) => s.context === context && s.side === null);
    return [own, shared].filter((s): s is SideAssessment => !!s);
  });
  return candidates.find((s) => s.verdict !== 'not-assessable') ?? candidates[0] ?? null;
}

/** "Left positive (87.5%), right negative (12.5%)": every side named. */
export function sideSummary(sides: readonly SideVerdict[]): string {
  const text = sides.map((s, i) => {
    const name = i === 0 ? s.side.charAt(0).toUpperCase() + s.side.slice(1) : s.side;
    return `${name} ${VERDICT_TEXT[s.verdict]}${s.peakReliefPercent === null ? '' : ` (${s.peakReliefPercent}%)`}`;
  });
  return text.join(', ');
}

/** The previous block this one is compared with, as `earlierBlockToCompare` found it and assessed. */
export type PreviousBlock =
  | ComparedBlock
  | { procedureId: string; agent: AnestheticAgent; reliefDurationMinutes: number | null };

/** Assesses a block's diary under a rule set; `previous` is the earlier diagnostic block it is compared with, if any. */
export function assessBlock(
  scores: readonly DiaryScore[],
  rules: RuleSetSettings,
  facts: BlockFacts,
  previous?: PreviousBlock | null,
): BlockAssessment {
  const bilateral = facts.side === 'bilateral';
  const keys: { context: PainContext; side: BodySide | null }[] = [];
  for (const context of ['activity', 'rest'] as const) {
    for (const s of bilateral ? ([null, 'left', 'right'] as const) : ([null] as const))
      if (has(scores, context, s)) keys.push({ context, side: s });
  }
  const series = keys.map((k) => assessSeries(scores, rules, k.context, k.side));
  const sides: SideVerdict[] = sidesOf(facts.side).map((side) => {
    const s = readSide(series, side, bilateral);
    return {
      side,
      verdict: s?.verdict ?? 'not-assessable',
      peakReliefPercent: s?.peakReliefPercent ?? null,
      reliefDurationMinutes: s?.reliefDurationMinutes ?? null,
      series: s ? { context: s.context, side: s.side } : null,
    };
  });
  const deciding = sides.reduce((worst, s) => (RANK[s.verdict] < RANK[worst.verdict] ? s : worst));
  const primary = deciding.series
    ? (series.find(
        (s) => s.context === deciding.series!.context && s.side === deciding.series!.side,
      ) ?? null)
    : null;
  const reasons = series.flatMap((s) => s.reasons);
  if (!series.length)
    reasons.push('No pain scores recorded yet: record the baseline before the block.');
  const confounded = sedationConfounds(facts.sedation);
  if (confounded)
    reasons.push(
      `Sedation (${facts.sedation}) during a diagnostic block confounds the result [50][56].`,
    );
  if (new Set(sides.map((s) => s.verdict)).size > 1)
    reasons.push(
      `Left and right sides differ: ${sideSummary(sides)}. Read each side before planning treatment.`,
    );
  const peakRestsOnLateEntries = sides.some(
    (s) =>
      s.series &&
      series.find((x) => x.context === s.series!.context && x.side === s.series!.side)
        ?.peakIsLateEntry,
  );
  if (peakRestsOnLateEntries)
    reasons.push(
      'The peak relief rests on late entries (back-filled diary scores): confirm them before relying on the verdict.',
    );
  let comparative: BlockAssessment['comparative'] = null;
  if (previous) {
    const current: ComparedBlock = {
      procedureId: '',
      performedAt: facts.performedAt ?? '',
      side: facts.side,
      levels: facts.levels ?? [],
      agent: facts.agent,
      verdict: deciding.verdict,
      reliefDurationMinutes: primary?.reliefDurationMinutes ?? null,
    };
    // Older callers pass only agent and duration: compare those as before.
    const c =
      'side' in previous
        ? comparativeReading(previous, current)
        : comparativeReading(
            { ...current, ...previous, verdict: 'positive' },
            { ...current, verdict: 'positive' },
          );
    comparative = { previousProcedureId: previous.procedureId, ...c };
    // Words, not codes: "not-assessable" leaked onto the screen (issue 14).
    const words: Record<typeof c.result, string> = {
      concordant: 'concordant',
      discordant: 'discordant',
      'not-assessable': 'cannot be read yet',
      'not-comparable': 'not comparable',
    };
    reasons.push(`Comparative blocks: ${words[c.result]}. ${c.reason}`);
  }
  return {
    baseline: primary?.baseline ?? null,
    peakReliefPercent: deciding.peakReliefPercent,
    reportedPeakReliefPercent: primary?.reportedPeakReliefPercent ?? null,
    reliefDurationMinutes: deciding.reliefDurationMinutes,
    verdict: deciding.verdict,
    sides,
    summary: sideSummary(sides),
    confounded,
    peakRestsOnLateEntries,
    threshold: {
      percent: rules.positiveThresholdPercent,
      exclusive: rules.thresholdExclusive,
      greyZoneLowerPercent: rules.greyZoneLowerPercent,
      label: thresholdLabel(rules),
    },
    reasons,
    primary: primary ? { context: primary.context, side: primary.side } : null,
    series,
    comparative,
  };
}
