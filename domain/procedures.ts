/** Facet joint interventions (domain.md sections 1 and 3). */
import type { Region } from './patient-facts.ts';

export const PROCEDURE_KINDS = ['mbb', 'ia', 'rfa'] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];
export const PROCEDURE_LABELS: Readonly<Record<ProcedureKind, string>> = {
  mbb: 'Medial branch block',
  ia: 'Intra-articular facet injection',
  rfa: 'Radiofrequency ablation',
};
export const PROCEDURE_SHORT: Readonly<Record<ProcedureKind, string>> = {
  mbb: 'MBB',
  ia: 'IA',
  rfa: 'RFA',
};

export const INTENTS = ['diagnostic', 'therapeutic'] as const;
export type Intent = (typeof INTENTS)[number];

export const ANESTHETIC_AGENTS = ['lidocaine', 'bupivacaine', 'ropivacaine', 'other'] as const;
export type AnestheticAgent = (typeof ANESTHETIC_AGENTS)[number];

/** Imaging: fluoroscopy or CT required; ultrasound is not covered (domain.md section 4). */
export const GUIDANCE = ['fluoroscopy', 'ct', 'ultrasound'] as const;
export const SEDATION_LEVELS = ['none', 'minimal', 'moderate', 'deep'] as const;
export type Sedation = (typeof SEDATION_LEVELS)[number];

/** Complications to record (domain.md section 8). */
export const COMPLICATIONS = {
  vasovagal: 'Vasovagal episode',
  'site-infection': 'Site infection',
  rash: 'Rash',
  numbness: 'Numbness',
  neuritis: 'Post-RFA neuritis',
  'persistent-pain': 'Persistent pain', // domain.md section 8
  other: 'Other',
} as const;
export type Complication = keyof typeof COMPLICATIONS;

const span = (prefix: string, from: number, to: number, next: (n: number) => string) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}-${next(from + i)}`);

/** Facet levels by region: C2-C3 … C7-T1, T1-T2 … T12-L1, L1-L2 … L5-S1. */
export const FACET_LEVELS: Readonly<Record<Region, readonly string[]>> = {
  cervical: span('C', 2, 7, (n) => (n === 7 ? 'T1' : `C${n + 1}`)),
  thoracic: span('T', 1, 12, (n) => (n === 12 ? 'L1' : `T${n + 1}`)),
  lumbar: span('L', 1, 5, (n) => (n === 5 ? 'S1' : `L${n + 1}`)),
};

/** Any sedation, minimal included, confounds a diagnostic block (domain.md section 3 [50][56]). */
export function sedationConfounds(sedation: Sedation): boolean {
  return sedation !== 'none';
}

/**
 * Sedation must be justified (payer rule, domain.md section 3): on a diagnostic block any sedation,
 * since it confounds the reading; on a treatment sedation beyond minimal.
 */
export function sedationNeedsReason(intent: Intent, sedation: Sedation): boolean {
  return intent === 'diagnostic'
    ? sedationConfounds(sedation)
    : sedation === 'moderate' || sedation === 'deep';
}

/**
 * Kind and intent together (domain.md section 1): an RFA ablates the nerves, so it is always
 * therapeutic. A therapeutic MBB is allowed (repeat blocks for relief) but is capped and judged as a
 * therapeutic facet injection, like a therapeutic IA (domain.md section 4 frequency and IA rows).
 */
export function kindIntentProblem(kind: ProcedureKind, intent: Intent): string | null {
  return kind === 'rfa' && intent !== 'therapeutic'
    ? 'An RFA is a treatment: choose intent therapeutic (diagnostic blocks are MBB or IA)'
    : null;
}

/** Therapeutic injections (IA, and MBB given for relief) share the LCD's therapeutic-injection rules. */
export function isTherapeuticInjection(p: { kind: ProcedureKind; intent: Intent }): boolean {
  return p.kind !== 'rfa' && p.intent === 'therapeutic';
}

/** "MBB #2": each procedure's number among the episode's valid procedures of its kind, in performed order. */
export function procedureLabels<
  T extends { id: string; kind: ProcedureKind; performedAt: string | Date; sequence: number },
>(procedures: readonly T[]): Map<string, string> {
  const time = (p: T) => new Date(p.performedAt).getTime();
  const ordered = [...procedures].sort((a, b) => time(a) - time(b) || a.sequence - b.sequence);
  const counts: Partial<Record<ProcedureKind, number>> = {};
  return new Map(
    ordered.map((p) => [
      p.id,
      `${PROCEDURE_SHORT[p.kind]} #${(counts[p.kind] = (counts[p.kind] ?? 0) + 1)}`,
    ]),
  );
}

/** The label a planned procedure would get: one more than the episode's valid procedures of its kind. */
export function plannedLabel(
  kind: ProcedureKind,
  existing: readonly { kind: ProcedureKind }[],
): string {
  return `${PROCEDURE_SHORT[kind]} #${existing.filter((p) => p.kind === kind).length + 1} (planned)`;
}

/** Whether the procedure form must ask why RFA is not possible: a therapeutic injection after an earlier one (domain.md section 4 [12]). */
export function asksRfaReason(
  kind: ProcedureKind,
  intent: Intent,
  earlierTherapeuticInjections: number,
): boolean {
  return isTherapeuticInjection({ kind, intent }) && earlierTherapeuticInjections > 0;
}

/** Short- versus long-acting, for comparative blocks (domain.md section 3 [18][20]). */
const AGENT_ACTION: Readonly<Record<AnestheticAgent, 'short' | 'long' | null>> = {
  lidocaine: 'short',
  bupivacaine: 'long',
  ropivacaine: 'long',
  other: null,
};

export type ComparativeResult = 'concordant' | 'discordant' | 'not-assessable' | 'not-comparable';

/**
 * Comparative blocks: concordant when relief lasts longer with the longer-acting agent. Duration
 * windows by drug are not reliable enough to hard-code [24], so only the order is compared.
 */
export function compareBlocks(
  first: { agent: AnestheticAgent; reliefDurationMinutes: number | null },
  second: { agent: AnestheticAgent; reliefDurationMinutes: number | null },
): { result: ComparativeResult; reason: string } {
  const a = AGENT_ACTION[first.agent];
  const b = AGENT_ACTION[second.agent];
  if (!a || !b)
    return {
      result: 'not-assessable',
      reason: 'One of the agents is not classed as short- or long-acting.',
    };
  if (a === b)
    return {
      result: 'not-assessable',
      reason: `Both blocks used ${a}-acting agents; a comparative reading needs one short- and one long-acting agent.`,
    };
  if (first.reliefDurationMinutes === null || second.reliefDurationMinutes === null) {
    return {
      result: 'not-assessable',
      reason:
        'Relief did not reach the threshold after both blocks, so durations cannot be compared.',
    };
  }
  const [short, long] = a === 'short' ? [first, second] : [second, first];
  return long.reliefDurationMinutes! > short.reliefDurationMinutes!
    ? {
        result: 'concordant',
        reason: `Relief lasted longer with ${long.agent} (${long.reliefDurationMinutes} min) than with ${short.agent} (${short.reliefDurationMinutes} min).`,
      }
    : {
        result: 'discordant',
        reason: `Relief did not last longer with ${long.agent} (${long.reliefDurationMinutes} min) than with ${short.agent} (${short.reliefDurationMinutes} min).`,
      };
}

/** A block as the comparative reading sees it. */
export interface ComparedBlock {
  procedureId: string;
  performedAt: string;
  side: 'left' | 'right' | 'bilateral';
  levels: readonly string[];
  agent: AnestheticAgent;
  /** The block's verdict on the side(s) compared. */
  verdict: 'positive' | 'grey-zone' | 'negative' | 'not-assessable';
  reliefDurationMinutes: number | null;
}

const sameJoints = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();
const jointsText = (b: Pick<ComparedBlock, 'side' | 'levels'>) =>
  `${b.side} ${[...b.levels].sort().join(', ')}`;

/**
 * Which earlier diagnostic block this one is compared with (domain.md section 3): the latest earlier
 * one of the same joints and side; else the latest earlier one, so the reading can say why it is not
 * comparable. Null without an earlier diagnostic block.
 */
export function earlierBlockToCompare<
  T extends Pick<ComparedBlock, 'procedureId' | 'performedAt' | 'side' | 'levels'>,
>(
  current: Pick<ComparedBlock, 'performedAt' | 'side' | 'levels'>,
  earlier: readonly T[],
): T | null {
  const before = earlier
    .filter((b) => new Date(b.performedAt).getTime() < new Date(current.performedAt).getTime())
    .sort((a, b) => new Date(b.performedAt).getTime() - new Date(a.performedAt).getTime());
  return (
    before.find((b) => b.side === current.side && sameJoints(b.levels, current.levels)) ??
    before[0] ??
    null
  );
}

/**
 * Comparative blocks (domain.md section 3): only blocks of the same joints and side, and only when
 * both gave relief (positive or grey zone); otherwise "not comparable" with the reason.
 */
export function comparativeReading(
  first: ComparedBlock,
  second: ComparedBlock,
): { result: ComparativeResult; reason: string } {
  if (first.side !== second.side || !sameJoints(first.levels, second.levels)) {
    return {
      result: 'not-comparable',
      reason: `Different joints or side (${jointsText(first)} vs ${jointsText(second)}): comparative blocks must treat the same joints on the same side.`,
    };
  }
  const noRelief = [first, second].filter(
    (b) => b.verdict !== 'positive' && b.verdict !== 'grey-zone',
  );
  if (noRelief.length) {
    return {
      result: 'not-comparable',
      reason: `Both blocks must give relief (positive or grey zone) to be compared; ${noRelief.map((b) => (b === first ? 'the earlier block' : 'this block')).join(' and ')} did not (${noRelief.map((b) => b.verdict).join(', ')}).`,
    };
  }
  return compareBlocks(first, second);
}
