/**
 * Checks counted per session and per rolling 12 months (domain.md section 4 [3][10][12][13]): a
 * session is one patient, one local day, one region; levels are counted across every record of it.
 */
import { formatDate, withinMonthsOf } from './calendar.ts';
import type { CheckInput, CheckProcedure, PayerCheck } from './payer-checks.ts';
import { isTherapeuticInjection, sedationNeedsReason } from './procedures.ts';

const byDate = (a: CheckProcedure, b: CheckProcedure) =>
  a.date.localeCompare(b.date) || a.id.localeCompare(b.id, undefined, { numeric: true });

export type SessionCategory = 'diagnostic' | 'therapeutic-ia' | 'rfa';
/** A therapeutic MBB counts with therapeutic IA (therapeutic facet injections; domain/procedures.ts kindIntentProblem). */
export const categoryOf = (p: Pick<CheckProcedure, 'kind' | 'intent'>): SessionCategory | null =>
  p.kind === 'rfa'
    ? 'rfa'
    : p.intent === 'diagnostic'
      ? 'diagnostic'
      : isTherapeuticInjection(p)
        ? 'therapeutic-ia'
        : null;
const CATEGORY_TEXT: Record<SessionCategory, string> = {
  diagnostic: 'diagnostic',
  'therapeutic-ia': 'therapeutic injection',
  rfa: 'RFA',
};

/** The rolling 12 months (domain.md section 4) of `date`: sessions S with S <= date < S + 12 months. One session per local date. */
export function sessionsInWindow(
  procedures: readonly CheckProcedure[],
  category: SessionCategory,
  date: string,
): CheckProcedure[] {
  const inWindow = procedures
    .filter((p) => categoryOf(p) === category && withinMonthsOf(p.date, date, 12))
    .sort(byDate);
  return inWindow.filter((p, i) => inWindow.findIndex((q) => q.date === p.date) === i);
}

export function capFor(rules: CheckInput['rules'], category: SessionCategory): number {
  return category === 'diagnostic'
    ? rules.maxDiagnosticSessionsPer12Months
    : category === 'therapeutic-ia'
      ? rules.maxTherapeuticIaSessionsPer12Months
      : rules.maxRfaSessionsPer12Months;
}

/** Frequency per region per rolling 12 months: <= 4 diagnostic, <= 4 therapeutic injection, <= 2 RFA sessions [3][12]. */
export function frequencyCheck(input: CheckInput): PayerCheck {
  const base = { id: 'frequency', title: 'Frequency per 12 months' };
  const problems: string[] = [];
  const evidence: PayerCheck['evidence'] = [];
  for (const category of ['diagnostic', 'therapeutic-ia', 'rfa'] as const) {
    const cap = capFor(input.rules, category);
    const over = input.regionProcedures
      .filter((p) => categoryOf(p) === category)
      .sort(byDate)
      .find((p) => sessionsInWindow(input.regionProcedures, category, p.date).length > cap);
    if (over) {
      const window = sessionsInWindow(input.regionProcedures, category, over.date);
      problems.push(
        `${window.length} ${CATEGORY_TEXT[category]} sessions in the 12 months to ${formatDate(over.date)} (at most ${cap} per region)`,
      );
      evidence.push(
        ...window.map((p) => ({
          kind: 'procedure' as const,
          id: p.id,
          date: p.date,
          text: `${p.label} on ${formatDate(p.date)}`,
        })),
      );
    }
  }
  if (problems.length)
    return { ...base, status: 'not-met', message: `${problems.join('; ')}.`, evidence };
  const counts = (['diagnostic', 'therapeutic-ia', 'rfa'] as const).map(
    (c) =>
      `${sessionsInWindow(input.regionProcedures, c, input.asOf).length}/${capFor(input.rules, c)} ${CATEGORY_TEXT[c]}`,
  );
  return {
    ...base,
    status: 'met',
    message: `In the ${input.region} region, 12 months to ${formatDate(input.asOf)}: ${counts.join(', ')} sessions.`,
    evidence,
  };
}

/** One session: the patient's procedures in the region on one local date. */
export interface Session {
  date: string;
  procedures: CheckProcedure[];
  levels: string[];
}

/** The sessions the episode's procedures belong to (records of other episodes in the region count too). */
export function sessionsOf(input: CheckInput): Session[] {
  const dates = [...new Set(input.procedures.map((p) => p.date))].sort();
  const all = [
    ...input.regionProcedures,
    ...input.procedures.filter((p) => !input.regionProcedures.some((q) => q.id === p.id)),
  ];
  return dates.map((date) => {
    const procedures = all.filter((p) => p.date === date).sort(byDate);
    // Bilateral at one level is one level (CPT, domain.md section 6).
    return { date, procedures, levels: [...new Set(procedures.flatMap((p) => p.levels))].sort() };
  });
}

/** Levels per session: 1-2 levels, a 3rd flagged; one region per session [3][10][13]. */
export function levelsCheck(input: CheckInput): PayerCheck {
  const base = { id: 'levels', title: 'Levels per session' };
  if (!input.procedures.length)
    return {
      ...base,
      status: 'not-applicable',
      message: 'Not yet applicable: no procedure recorded.',
      evidence: [],
    };
  const problems: string[] = [];
  const evidence: PayerCheck['evidence'] = [];
  for (const s of sessionsOf(input)) {
    const names = s.procedures.map((p) => p.label).join(' and ');
    if (s.levels.length > 2) {
      problems.push(
        `${names} on ${formatDate(s.date)} treated ${s.levels.length} levels in one session (${s.levels.join(', ')}); 1-2 per session`,
      );
      evidence.push(
        ...s.procedures.map((p) => ({
          kind: 'procedure' as const,
          id: p.id,
          date: p.date,
          text: `${p.label}: ${p.levels.join(', ')} (${p.side ?? 'side not given'})`,
        })),
      );
    }
    const others = (input.otherRegionProcedures ?? []).filter((o) => o.date === s.date);
    if (others.length) {
      problems.push(
        `${formatDate(s.date)}: ${input.region} and ${[...new Set(others.map((o) => o.region))].join(', ')} procedures in one session; one region per session`,
      );
      evidence.push(
        ...others.map((o) => ({
          kind: 'procedure' as const,
          id: o.id,
          date: o.date,
          text: `${o.label} (${o.region}) on ${formatDate(o.date)}`,
        })),
      );
    }
  }
  return problems.length
    ? { ...base, status: 'not-met', message: `${problems.join('; ')}.`, evidence }
    : {
        ...base,
        status: 'met',
        message: 'Every session treated 1-2 levels in one region.',
        evidence: [],
      };
}

/** Per-procedure rules: fluoroscopy or CT, not ultrasound [13][15]; sedation recorded and justified [50][56]. */
function perProcedureCheck(
  input: CheckInput,
  id: string,
  title: string,
  fails: (p: CheckProcedure) => string | null,
  okMessage: string,
): PayerCheck {
  const failures = input.procedures
    .map((p) => [p, fails(p)] as const)
    .filter(([, m]) => m !== null);
  if (!input.procedures.length)
    return {
      id,
      title,
      status: 'not-applicable',
      message: 'Not yet applicable: no procedure recorded.',
      evidence: [],
    };
  if (!failures.length) return { id, title, status: 'met', message: okMessage, evidence: [] };
  return {
    id,
    title,
    status: 'not-met',
    message: `${failures.map(([, m]) => m).join('; ')}.`,
    evidence: failures.map(([p, m]) => ({ kind: 'procedure', id: p.id, date: p.date, text: m! })),
  };
}

export const imagingCheck = (input: CheckInput) =>
  perProcedureCheck(
    input,
    'imaging',
    'Imaging guidance',
    (p) =>
      p.guidance === 'ultrasound'
        ? `${p.label} used ultrasound guidance, which is not covered; use fluoroscopy or CT`
        : null,
    'Every procedure used fluoroscopy or CT.',
  );
export const sedationCheck = (input: CheckInput) =>
  perProcedureCheck(
    input,
    'sedation',
    'Sedation',
    (p) =>
      sedationNeedsReason(p.intent, p.sedation) && !p.sedationReason
        ? `${p.label} had ${p.sedation} sedation without a recorded reason${p.intent === 'diagnostic' ? ' (any sedation confounds a diagnostic block)' : ''}`
        : null,
    'No unexplained sedation: none on diagnostic blocks, or justified.',
  );
