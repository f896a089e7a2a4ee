/**
 * Payer-rule checks (domain.md section 4, Medicare LCD "Facet Joint Interventions for Pain
 * Management"), one function per row, parameterised by the rule set. Every check shows its evidence
 * and says met, not-met, or not-assessable when data is missing.
 */
import { addMonths, daysBetween, formatDate } from './calendar.ts';
import { conservativeCareDays, type TherapyPeriod } from './conservative-care.ts';
import { monthsBetween, type Region } from './patient-facts.ts';
import type { Intent, ProcedureKind, Sedation } from './procedures.ts';
import { sedationConfounds } from './procedures.ts';
import type { BlockVerdict } from './relief.ts';
import type { RuleSetSettings } from './rule-sets.ts';

export type CheckStatus = 'met' | 'not-met' | 'not-assessable';

export interface Evidence {
  kind: 'episode' | 'therapy' | 'function-score' | 'procedure' | 'setting';
  id?: string;
  date?: string;
  text: string;
}

export interface PayerCheck { id: string; title: string; status: CheckStatus; message: string; evidence: Evidence[] }

/** A procedure as the checks see it: facts plus its assessment under the episode's rule set. */
export interface CheckProcedure {
  id: string;
  label: string;
  kind: ProcedureKind;
  intent: Intent;
  /** Calendar date performed (YYYY-MM-DD). */
  date: string;
  levels: string[];
  guidance: 'fluoroscopy' | 'ct' | 'ultrasound';
  sedation: Sedation;
  sedationReason: string | null;
  intervalExceptionReason: string | null;
  rfaNotPossibleReason: string | null;
  verdict: BlockVerdict;
  peakReliefPercent: number | null;
  /** How many days relief stayed at or above 50%, from follow-up scores; null without them. */
  daysAtHalfRelief: number | null;
}

export interface CheckInput {
  asOf: string;
  region: Region;
  onsetDate: string;
  /** The worse of the episode's baseline NRS at rest and with activity. */
  baselineNrs: number | null;
  therapies: readonly (TherapyPeriod & { id: string; label: string })[];
  functionScores: readonly { id: string; instrument: string; takenOn: string; total: number | null }[];
  /** This episode's valid procedures. */
  procedures: readonly CheckProcedure[];
  /** The patient's valid procedures in the same region, any episode (frequency caps are per region). */
  regionProcedures: readonly CheckProcedure[];
  rules: RuleSetSettings;
}

const byDate = (a: CheckProcedure, b: CheckProcedure) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id, undefined, { numeric: true });
const pct = (n: number | null) => (n === null ? 'not assessable' : `${Math.round(n * 10) / 10}%`);
const procEvidence = (p: CheckProcedure, extra = ''): Evidence => ({
  kind: 'procedure', id: p.id, date: p.date, text: `${p.label} on ${formatDate(p.date)}: ${p.verdict === 'not-assessable' ? 'relief not assessable' : `peak relief ${pct(p.peakReliefPercent)} (${p.verdict})`}${extra}`,
});
const thresholdText = (r: RuleSetSettings) => `${r.thresholdExclusive ? '>' : '≥'} ${r.positiveThresholdPercent}%`;
const diagnostic = (ps: readonly CheckProcedure[]) => ps.filter((p) => p.intent === 'diagnostic').sort(byDate);
const worst = (statuses: CheckStatus[]): CheckStatus => (statuses.includes('not-met') ? 'not-met' : statuses.includes('not-assessable') ? 'not-assessable' : 'met');

/** Indication: pain >= 3 months, moderate-to-severe baseline, a disability score at baseline [1][4][9]. */
export function indicationCheck(input: CheckInput): PayerCheck {
  const first = [...input.procedures].sort(byDate)[0];
  const until = first?.date ?? input.asOf;
  const months = monthsBetween(input.onsetDate, until);
  const evidence: Evidence[] = [{ kind: 'episode', date: input.onsetDate, text: `Pain since ${formatDate(input.onsetDate)}: ${months} months by ${formatDate(until)}` }];
  const parts: [CheckStatus, string][] = [[months >= 3 ? 'met' : 'not-met', months >= 3 ? '' : `pain for ${months} months (at least 3 needed)`]];
  if (input.baselineNrs === null) parts.push(['not-assessable', 'no baseline pain score recorded']);
  else {
    evidence.push({ kind: 'episode', text: `Baseline NRS ${input.baselineNrs} (moderate from ${input.rules.moderatePainMinNrs})` });
    parts.push(input.baselineNrs >= input.rules.moderatePainMinNrs ? ['met', ''] : ['not-met', `baseline pain ${input.baselineNrs} is below moderate`]);
  }
  const disability = input.functionScores.filter((f) => f.takenOn <= until).sort((a, b) => a.takenOn.localeCompare(b.takenOn))[0];
  if (disability) evidence.push({ kind: 'function-score', id: disability.id, date: disability.takenOn, text: `${disability.instrument.toUpperCase()} ${disability.total ?? '?'} on ${formatDate(disability.takenOn)}` });
  else parts.push(['not-assessable', 'no disability score (ODI or NDI) at baseline']);
  const status = worst(parts.map(([s]) => s));
  const problems = parts.filter(([s]) => s !== 'met').map(([, m]) => m);
  return { id: 'indication', title: 'Indication', status, message: status === 'met' ? 'Chronic moderate-to-severe pain for at least 3 months, with a disability score at baseline.' : `Indication: ${problems.join('; ')}.`, evidence };
}

/** Conservative care of at least the rule set's length before the first procedure [53][54][16]. */
export function conservativeCareCheck(input: CheckInput): PayerCheck {
  const first = [...input.procedures].sort(byDate)[0];
  const until = first?.date ?? input.asOf;
  const valid = input.therapies.filter((t) => !t.enteredInError);
  const evidence: Evidence[] = valid.map((t) => ({ kind: 'therapy', id: t.id, date: t.startDate, text: `${t.label}: ${formatDate(t.startDate)} to ${t.endDate ? formatDate(t.endDate) : 'ongoing'}` }));
  const min = input.rules.conservativeCareMinDays;
  if (!valid.length) return { id: 'conservative-care', title: 'Conservative care', status: 'not-assessable', message: 'No conservative care recorded.', evidence };
  const days = conservativeCareDays(valid, until);
  evidence.push({ kind: 'setting', text: `Rule set minimum: ${min} days` });
  return days >= min
    ? { id: 'conservative-care', title: 'Conservative care', status: 'met', message: `${days} days of conservative care by ${formatDate(until)} (at least ${min}).`, evidence }
    : { id: 'conservative-care', title: 'Conservative care', status: 'not-met', message: `${days} days of conservative care by ${formatDate(until)}; ${min} needed.`, evidence };
}

/** Second diagnostic block: the first >= threshold, at least N days later unless an exception is recorded [1][15]. */
export function secondBlockCheck(input: CheckInput): PayerCheck {
  const base = { id: 'second-block', title: 'Second diagnostic block' };
  const [first, second] = diagnostic(input.procedures);
  if (!first || !second) return { ...base, status: 'met', message: 'Not yet applicable: fewer than two diagnostic blocks.', evidence: first ? [procEvidence(first)] : [] };
  const gap = daysBetween(first.date, second.date);
  const evidence = [procEvidence(first), procEvidence(second, `, ${gap} days later`)];
  const problems: string[] = [];
  if (first.verdict === 'not-assessable') {
    // The interval is checked even while the first block cannot be read yet.
    if (gap >= input.rules.minDaysBetweenBlocks || second.intervalExceptionReason) return { ...base, status: 'not-assessable', message: `${first.label} cannot be assessed yet: complete its pain diary.`, evidence };
  } else if (first.verdict !== 'positive') problems.push(`${first.label} gave ${pct(first.peakReliefPercent)} relief; a second block needs ${thresholdText(input.rules)}`);
  if (gap < input.rules.minDaysBetweenBlocks) {
    if (second.intervalExceptionReason) evidence.push({ kind: 'procedure', id: second.id, text: `Exception recorded: ${second.intervalExceptionReason}` });
    else problems.push(`${second.label} came ${gap} days after ${first.label}; at least ${input.rules.minDaysBetweenBlocks} are needed unless an exception is documented`);
  }
  return problems.length
    ? { ...base, status: 'not-met', message: `${problems.join('; ')}.`, evidence }
    : { ...base, status: 'met', message: `${first.label} ${pct(first.peakReliefPercent)}; ${second.label} ${gap} days later.`, evidence };
}

/** Initial RFA: the rule set's number of diagnostic MBBs, each >= threshold [6]. */
export function initialRfaCheck(input: CheckInput): PayerCheck {
  const base = { id: 'initial-rfa', title: 'Initial RFA' };
  const firstRfa = input.procedures.filter((p) => p.kind === 'rfa').sort(byDate)[0];
  const blocks = diagnostic(input.procedures).filter((p) => p.kind === 'mbb' && (!firstRfa || p.date <= firstRfa.date));
  const positive = blocks.filter((p) => p.verdict === 'positive');
  const needed = input.rules.blocksRequiredBeforeRfa;
  const evidence = blocks.map((p) => procEvidence(p));
  if (firstRfa) evidence.push({ kind: 'procedure', id: firstRfa.id, date: firstRfa.date, text: `${firstRfa.label} on ${formatDate(firstRfa.date)}` });
  if (positive.length >= needed) {
    return { ...base, status: 'met', message: `${positive.length} diagnostic MBB${positive.length === 1 ? '' : 's'} ${thresholdText(input.rules)} (${needed} needed).`, evidence };
  }
  if (blocks.some((p) => p.verdict === 'not-assessable')) {
    return { ...base, status: 'not-assessable', message: 'A diagnostic MBB cannot be assessed yet: complete its pain diary.', evidence };
  }
  return { ...base, status: 'not-met', message: `${positive.length} of ${needed} diagnostic MBBs ${thresholdText(input.rules)}${firstRfa ? ` before ${firstRfa.label}` : ''}.`, evidence };
}

/** Repeat RFA: the previous RFA gave >= 50% relief for >= 6 months [5]; RFAs 2+ years apart without new blocks are flagged [10]. */
export function repeatRfaCheck(input: CheckInput): PayerCheck {
  const base = { id: 'repeat-rfa', title: 'Repeat RFA' };
  const rfas = input.procedures.filter((p) => p.kind === 'rfa').sort(byDate);
  if (rfas.length < 2) return { ...base, status: 'met', message: 'Not yet applicable: no repeat RFA.', evidence: rfas.map((p) => ({ kind: 'procedure' as const, id: p.id, date: p.date, text: `${p.label} on ${formatDate(p.date)}` })) };
  const evidence: Evidence[] = [];
  const statuses: CheckStatus[] = [];
  const problems: string[] = [];
  for (let i = 1; i < rfas.length; i++) {
    const prev = rfas[i - 1]!;
    const cur = rfas[i]!;
    const sixMonths = daysBetween(prev.date, addMonths(prev.date, 6));
    evidence.push({ kind: 'procedure', id: prev.id, date: prev.date, text: `${prev.label} on ${formatDate(prev.date)}: ≥ 50% relief for ${prev.daysAtHalfRelief ?? 'unknown'} days` });
    if (prev.daysAtHalfRelief === null) { statuses.push('not-assessable'); problems.push(`no follow-up scores show how long ${prev.label} helped`); }
    else if (prev.daysAtHalfRelief < sixMonths) { statuses.push('not-met'); problems.push(`${prev.label} gave ≥ 50% relief for ${prev.daysAtHalfRelief} days, less than 6 months`); }
    else statuses.push('met');
    const blocksBetween = diagnostic(input.procedures).some((p) => p.date > prev.date && p.date <= cur.date);
    if (daysBetween(prev.date, cur.date) >= 730 && !blocksBetween) {
      statuses.push('not-met');
      problems.push(`${cur.label} came 2 years or more after ${prev.label} without new diagnostic blocks`);
      evidence.push({ kind: 'procedure', id: cur.id, date: cur.date, text: `${cur.label} on ${formatDate(cur.date)}, ${daysBetween(prev.date, cur.date)} days after ${prev.label}` });
    }
  }
  const status = worst(statuses);
  return { ...base, status, message: status === 'met' ? 'Each repeat RFA followed ≥ 50% relief lasting 6 months.' : `${problems.join('; ')}.`, evidence };
}

/** Therapeutic IA: two diagnostic blocks >= threshold first; each repeat needs >= 50% for >= 3 months and a reason RFA is not possible [12][4]. */
export function therapeuticIaCheck(input: CheckInput): PayerCheck {
  const base = { id: 'therapeutic-ia', title: 'Therapeutic IA' };
  const ias = input.procedures.filter((p) => p.kind === 'ia' && p.intent === 'therapeutic').sort(byDate);
  if (!ias.length) return { ...base, status: 'met', message: 'Not yet applicable: no therapeutic IA.', evidence: [] };
  const first = ias[0]!;
  const blocks = diagnostic(input.procedures).filter((p) => p.date <= first.date);
  const positive = blocks.filter((p) => p.verdict === 'positive').length;
  const evidence: Evidence[] = blocks.map((p) => procEvidence(p));
  const statuses: CheckStatus[] = [positive >= input.rules.blocksRequiredBeforeRfa ? 'met' : 'not-met'];
  const problems = positive >= input.rules.blocksRequiredBeforeRfa ? [] : [`${positive} of ${input.rules.blocksRequiredBeforeRfa} diagnostic blocks ${thresholdText(input.rules)} before ${first.label}`];
  for (let i = 1; i < ias.length; i++) {
    const prev = ias[i - 1]!;
    const cur = ias[i]!;
    const threeMonths = daysBetween(prev.date, addMonths(prev.date, 3));
    evidence.push({ kind: 'procedure', id: prev.id, date: prev.date, text: `${prev.label}: ≥ 50% relief for ${prev.daysAtHalfRelief ?? 'unknown'} days` });
    if (prev.daysAtHalfRelief === null) { statuses.push('not-assessable'); problems.push(`no follow-up scores show how long ${prev.label} helped`); }
    else if (prev.daysAtHalfRelief < threeMonths) { statuses.push('not-met'); problems.push(`${prev.label} gave ≥ 50% relief for ${prev.daysAtHalfRelief} days, less than 3 months`); }
    if (cur.rfaNotPossibleReason) evidence.push({ kind: 'procedure', id: cur.id, text: `${cur.label}: RFA not possible because ${cur.rfaNotPossibleReason}` });
    else { statuses.push('not-met'); problems.push(`${cur.label} has no recorded reason why RFA is not possible`); }
  }
  const status = worst(statuses);
  return { ...base, status, message: status === 'met' ? 'Therapeutic IA followed two positive diagnostic blocks; repeats are justified.' : `${problems.join('; ')}.`, evidence };
}

type SessionCategory = 'diagnostic' | 'therapeutic-ia' | 'rfa';
const categoryOf = (p: CheckProcedure): SessionCategory | null =>
  p.kind === 'rfa' ? 'rfa' : p.intent === 'diagnostic' ? 'diagnostic' : p.kind === 'ia' ? 'therapeutic-ia' : null;
const CATEGORY_TEXT: Record<SessionCategory, string> = { diagnostic: 'diagnostic', 'therapeutic-ia': 'therapeutic IA', rfa: 'RFA' };

/** Sessions (distinct dates) of a category in the rolling 12 months ending on `date`: (date - 12 months, date]. */
export function sessionsInWindow(procedures: readonly CheckProcedure[], category: SessionCategory, date: string): CheckProcedure[] {
  const start = addMonths(date, -12);
  const inWindow = procedures.filter((p) => categoryOf(p) === category && p.date > start && p.date <= date).sort(byDate);
  return inWindow.filter((p, i) => inWindow.findIndex((q) => q.date === p.date) === i);
}

export function capFor(rules: RuleSetSettings, category: SessionCategory): number {
  return category === 'diagnostic' ? rules.maxDiagnosticSessionsPer12Months : category === 'therapeutic-ia' ? rules.maxTherapeuticIaSessionsPer12Months : rules.maxRfaSessionsPer12Months;
}

/** Frequency per region per rolling 12 months: <= 4 diagnostic, <= 4 therapeutic IA, <= 2 RFA sessions [3][12]. */
export function frequencyCheck(input: CheckInput): PayerCheck {
  const base = { id: 'frequency', title: 'Frequency per 12 months' };
  const problems: string[] = [];
  const evidence: Evidence[] = [];
  for (const category of ['diagnostic', 'therapeutic-ia', 'rfa'] as const) {
    const cap = capFor(input.rules, category);
    const over = input.regionProcedures.filter((p) => categoryOf(p) === category).sort(byDate)
      .find((p) => sessionsInWindow(input.regionProcedures, category, p.date).length > cap);
    if (over) {
      const window = sessionsInWindow(input.regionProcedures, category, over.date);
      problems.push(`${window.length} ${CATEGORY_TEXT[category]} sessions in the 12 months to ${formatDate(over.date)} (at most ${cap} per region)`);
      evidence.push(...window.map((p) => ({ kind: 'procedure' as const, id: p.id, date: p.date, text: `${p.label} on ${formatDate(p.date)}` })));
    }
  }
  if (problems.length) return { ...base, status: 'not-met', message: `${problems.join('; ')}.`, evidence };
  const counts = (['diagnostic', 'therapeutic-ia', 'rfa'] as const).map((c) => `${sessionsInWindow(input.regionProcedures, c, input.asOf).length}/${capFor(input.rules, c)} ${CATEGORY_TEXT[c]}`);
  return { ...base, status: 'met', message: `In the ${input.region} region, 12 months to ${formatDate(input.asOf)}: ${counts.join(', ')} sessions.`, evidence };
}

/** Per-procedure rules: 1-2 levels (a 3rd flagged) [3][10][13]; fluoroscopy or CT, not ultrasound [13][15]; sedation justified [50][56]. */
function perProcedureCheck(input: CheckInput, id: string, title: string, fails: (p: CheckProcedure) => string | null, okMessage: string): PayerCheck {
  const failures = input.procedures.map((p) => [p, fails(p)] as const).filter(([, m]) => m !== null);
  if (!failures.length) return { id, title, status: 'met', message: input.procedures.length ? okMessage : 'No procedures yet.', evidence: [] };
  return { id, title, status: 'not-met', message: `${failures.map(([, m]) => m).join('; ')}.`, evidence: failures.map(([p, m]) => ({ kind: 'procedure', id: p.id, date: p.date, text: m! })) };
}

export const levelsCheck = (input: CheckInput) => perProcedureCheck(input, 'levels', 'Levels per session',
  (p) => (p.levels.length > 2 ? `${p.label} treated ${p.levels.length} levels (${p.levels.join(', ')}); 1-2 per session` : null), 'Every session treated 1-2 levels.');
export const imagingCheck = (input: CheckInput) => perProcedureCheck(input, 'imaging', 'Imaging guidance',
  (p) => (p.guidance === 'ultrasound' ? `${p.label} used ultrasound guidance, which is not covered; use fluoroscopy or CT` : null), 'Every procedure used fluoroscopy or CT.');
export const sedationCheck = (input: CheckInput) => perProcedureCheck(input, 'sedation', 'Sedation',
  (p) => (sedationConfounds(p.sedation) && !p.sedationReason ? `${p.label} had ${p.sedation} sedation without a recorded reason` : null), 'Sedation recorded, and justified where beyond minimal.');

/** Every check, in the order of domain.md section 4. */
export function payerChecks(input: CheckInput): PayerCheck[] {
  return [indicationCheck, conservativeCareCheck, secondBlockCheck, initialRfaCheck, repeatRfaCheck, therapeuticIaCheck, frequencyCheck, levelsCheck, imagingCheck, sedationCheck]
    .map((check) => check(input));
}
