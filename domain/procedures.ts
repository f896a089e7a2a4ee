/** Facet joint interventions (domain.md sections 1 and 3). */
import type { Region } from './patient-facts.ts';

export const PROCEDURE_KINDS = ['mbb', 'ia', 'rfa'] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];
export const PROCEDURE_LABELS: Readonly<Record<ProcedureKind, string>> = {
  mbb: 'Medial branch block',
  ia: 'Intra-articular facet injection',
  rfa: 'Radiofrequency ablation',
};
export const PROCEDURE_SHORT: Readonly<Record<ProcedureKind, string>> = { mbb: 'MBB', ia: 'IA', rfa: 'RFA' };

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

/** Sedation beyond minimal confounds a diagnostic block (domain.md section 3 [50][56]). */
export function sedationConfounds(sedation: Sedation): boolean {
  return sedation === 'moderate' || sedation === 'deep';
}

/** Short- versus long-acting, for comparative blocks (domain.md section 3 [18][20]). */
const AGENT_ACTION: Readonly<Record<AnestheticAgent, 'short' | 'long' | null>> = {
  lidocaine: 'short',
  bupivacaine: 'long',
  ropivacaine: 'long',
  other: null,
};

export type ComparativeResult = 'concordant' | 'discordant' | 'not-assessable';

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
  if (!a || !b) return { result: 'not-assessable', reason: 'One of the agents is not classed as short- or long-acting.' };
  if (a === b) return { result: 'not-assessable', reason: `Both blocks used ${a}-acting agents; a comparative reading needs one short- and one long-acting agent.` };
  if (first.reliefDurationMinutes === null || second.reliefDurationMinutes === null) {
    return { result: 'not-assessable', reason: 'Relief did not reach the threshold after both blocks, so durations cannot be compared.' };
  }
  const [short, long] = a === 'short' ? [first, second] : [second, first];
  return long.reliefDurationMinutes! > short.reliefDurationMinutes!
    ? { result: 'concordant', reason: `Relief lasted longer with ${long.agent} (${long.reliefDurationMinutes} min) than with ${short.agent} (${short.reliefDurationMinutes} min).` }
    : { result: 'discordant', reason: `Relief did not last longer with ${long.agent} (${long.reliefDurationMinutes} min) than with ${short.agent} (${short.reliefDurationMinutes} min).` };
}
