/**
 * Payer-rule checks (domain.md section 4, Medicare LCD "Facet Joint Interventions for Pain
 * Management"), one function per row, parameterised by the rule set. Every check shows its evidence
 * and says met, not-met, or not-assessable when data is missing. Blocks and RFAs are counted per side
 * and per joint (level); dates are local calendar dates in the practice's time zone.
 */
import type { BodySide } from './assessment.ts';
import { addDays, addMonths, daysBetween, formatDate, monthsHavePassed } from './calendar.ts';
import type { TherapyPeriod, TherapyResponse } from './conservative-care.ts';
import {
  conservativeCareCheck,
  documentationCheck,
  indicationCheck,
  type OtherCause,
  type Radiculopathy,
} from './indication-checks.ts';
import {
  jointsOf,
  jointsText,
  reliefOn,
  shareJoint,
  type Joint,
  type SidedProcedure,
  sidesTreated,
  treats,
  verdictOn,
} from './joints.ts';
import type { Intent, ProcedureKind, Sedation } from './procedures.ts';
import { isTherapeuticInjection } from './procedures.ts';
import { durableReliefText } from './relief-duration.ts';
import { thresholdLabel, type BlockVerdict } from './relief.ts';
import type { RuleSetSettings } from './rule-sets.ts';
import { frequencyCheck, imagingCheck, levelsCheck, sedationCheck } from './session-checks.ts';

export {
  conservativeCareCheck,
  documentationCheck,
  indicationCheck,
  OTHER_CAUSES,
  RADICULOPATHY,
  showsFunctionalDeficit,
  therapyFailed,
} from './indication-checks.ts';
export type { OtherCause, Radiculopathy } from './indication-checks.ts';
export {
  capFor,
  categoryOf,
  frequencyCheck,
  imagingCheck,
  levelsCheck,
  sedationCheck,
  sessionsInWindow,
  sessionsOf,
} from './session-checks.ts';

/**
 * met / not-met / not-assessable (data missing), and not-applicable: the rule has nothing to judge yet
 * (no second block, no repeat RFA), which must not read as a green "Met" (issue 14).
 */
export type CheckStatus = 'met' | 'not-met' | 'not-assessable' | 'not-applicable';

export interface Evidence {
  kind: 'episode' | 'therapy' | 'function-score' | 'procedure' | 'setting';
  id?: string;
  date?: string;
  text: string;
}

export interface PayerCheck {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
  evidence: Evidence[];
}

/** A procedure as the checks see it: facts plus its assessment under the episode's rule set. */
export interface CheckProcedure extends SidedProcedure {
  id: string;
  label: string;
  kind: ProcedureKind;
  intent: Intent;
  /** Local calendar date performed in the practice's time zone (YYYY-MM-DD). */
  date: string;
  levels: string[];
  guidance: 'fluoroscopy' | 'ct' | 'ultrasound';
  sedation: Sedation;
  sedationReason: string | null;
  intervalExceptionReason: string | null;
  rfaNotPossibleReason: string | null;
  verdict: BlockVerdict;
  peakReliefPercent: number | null;
  /** Days relief stayed at or above 50% from follow-up scores; null without them (per side: `relief`). */
  daysAtHalfRelief: number | null;
  /** Documentation: a pain score on the same scale before and after; null with no scores after yet. */
  sameScaleBeforeAfter?: boolean | null;
}

export interface CheckInput {
  /** Today, as a local date in the practice's time zone. */
  asOf: string;
  region: 'cervical' | 'thoracic' | 'lumbar';
  onsetDate: string;
  /** The worse of the episode's baseline NRS at rest and with activity. */
  baselineNrs: number | null;
  therapies: readonly (TherapyPeriod & {
    id: string;
    label: string;
    response?: TherapyResponse | null;
  })[];
  functionScores: readonly {
    id: string;
    instrument: string;
    takenOn: string;
    total: number | null;
    band?: string | null;
  }[];
  /** Intake facts excluding facet interventions (domain.md section 4 indication); null = not recorded. */
  intake?: { radiculopathy: Radiculopathy | null; otherCause: OtherCause | null };
  /** This episode's valid procedures. */
  procedures: readonly CheckProcedure[];
  /** The patient's valid procedures in the same region, any episode (frequency caps are per region). */
  regionProcedures: readonly CheckProcedure[];
  /** The patient's procedures in other regions (one region per session). */
  otherRegionProcedures?: readonly { id: string; label: string; date: string; region: string }[];
  rules: RuleSetSettings;
}

const byDate = (a: CheckProcedure, b: CheckProcedure) =>
  a.date.localeCompare(b.date) || a.id.localeCompare(b.id, undefined, { numeric: true });
/** A verdict in the words a message shows ("grey zone", never the code "grey-zone"; issue 14). */
const verdictWords = (v: string) => v.replace('-', ' ');
const pct = (n: number | null) => (n === null ? 'not assessable' : `${Math.round(n * 10) / 10}%`);
const sideText = (p: CheckProcedure) =>
  p.side ? ` (${p.side}${p.levels.length ? ` ${p.levels.join(', ')}` : ''})` : '';
const procEvidence = (p: CheckProcedure, extra = ''): Evidence => {
  const perSide =
    sidesTreated(p).length > 1 && p.sideVerdicts
      ? sidesTreated(p)
          .map((s) => `${s} ${verdictWords(verdictOn(p, s))}`)
          .join(', ')
      : '';
  const reading =
    p.verdict === 'not-assessable' && !perSide
      ? 'relief not assessable'
      : `peak relief ${pct(p.peakReliefPercent)} (${verdictWords(p.verdict)}${perSide ? `; ${perSide}` : ''})`;
  return {
    kind: 'procedure',
    id: p.id,
    date: p.date,
    text: `${p.label} on ${formatDate(p.date)}${sideText(p)}: ${reading}${extra}`,
  };
};
const diagnostic = (ps: readonly CheckProcedure[]) =>
  ps.filter((p) => p.intent === 'diagnostic').sort(byDate);
const worst = (statuses: CheckStatus[]): CheckStatus =>
  statuses.includes('not-met')
    ? 'not-met'
    : statuses.includes('not-assessable')
      ? 'not-assessable'
      : 'met';
const jointKey = (j: Joint) => `${j.level} ${j.side}`;

/**
 * Every later diagnostic block: at least the rule set's days after the previous block of the same
 * joint unless an exception is documented; a second block of a joint needs the first >= threshold on that side [1][15].
 */
export function secondBlockCheck(input: CheckInput): PayerCheck {
  const base = { id: 'second-block', title: 'Second and later diagnostic blocks' };
  const blocks = diagnostic(input.procedures);
  if (blocks.length < 2)
    return {
      ...base,
      status: 'not-applicable',
      message: 'Not yet applicable: fewer than two diagnostic blocks.',
      evidence: blocks.map((b) => procEvidence(b)),
    };
  const evidence: Evidence[] = [];
  const statuses: CheckStatus[] = [];
  const problems: string[] = [];
  for (let i = 1; i < blocks.length; i++) {
    const cur = blocks[i]!;
    const earlier = blocks.slice(0, i).filter((b) => shareJoint(b, cur));
    const prev = earlier.at(-1);
    if (!prev) continue;
    const gap = daysBetween(prev.date, cur.date);
    evidence.push(procEvidence(cur, `, ${gap} days after ${prev.label}`));
    if (gap < input.rules.minDaysBetweenBlocks) {
      if (cur.intervalExceptionReason)
        evidence.push({
          kind: 'procedure',
          id: cur.id,
          text: `Exception recorded: ${cur.intervalExceptionReason}`,
        });
      else {
        statuses.push('not-met');
        problems.push(
          `${cur.label} came ${gap} days after ${prev.label}; at least ${input.rules.minDaysBetweenBlocks} are needed unless an exception is documented`,
        );
      }
    }
    // The second block of a joint: the first must be positive on that side.
    const failing = new Map<CheckProcedure, BodySide[]>();
    for (const side of sidesTreated(cur)) {
      const firsts = earlier.filter((b) => cur.levels.some((level) => treats(b, { level, side })));
      if (firsts.length !== 1) continue;
      const first = firsts[0]!;
      if (!evidence.some((e) => e.id === first.id)) evidence.unshift(procEvidence(first));
      if (verdictOn(first, side) !== 'positive')
        failing.set(first, [...(failing.get(first) ?? []), side]);
    }
    for (const [first, sides] of failing) {
      const where =
        sidesTreated(cur).length > 1 || first.side === 'bilateral'
          ? ` on the ${sides.join(' and ')}`
          : '';
      const v = verdictOn(first, sides[0]!);
      if (v === 'not-assessable') {
        statuses.push('not-assessable');
        problems.push(`${first.label} cannot be assessed${where} yet: complete its pain diary`);
      } else {
        statuses.push('not-met');
        problems.push(
          `${first.label} gave ${pct(first.peakReliefPercent)} relief (${verdictWords(v)})${where}; a second block needs ${thresholdLabel(input.rules)}`,
        );
      }
    }
  }
  const status = worst(statuses);
  return {
    ...base,
    status,
    evidence,
    message:
      status === 'met'
        ? `Each later diagnostic block followed a positive first block of its joint${
            input.rules.minDaysBetweenBlocks > 0
              ? `, at least ${input.rules.minDaysBetweenBlocks} days after the previous one`
              : '' // a rule set with no minimum interval: "at least 0 days" said nothing
          }.`
        : `${problems.join('; ')}.`,
  };
}

/** Positive diagnostic MBBs of one joint on one side, up to a date. */
const positiveBlocksOf = (input: CheckInput, j: Joint, until: string) =>
  diagnostic(input.procedures).filter(
    (p) =>
      p.kind === 'mbb' && p.date <= until && treats(p, j) && verdictOn(p, j.side) === 'positive',
  );
const unreadBlocksOf = (input: CheckInput, j: Joint, until: string) =>
  diagnostic(input.procedures).filter(
    (p) =>
      p.kind === 'mbb' &&
      p.date <= until &&
      treats(p, j) &&
      verdictOn(p, j.side) === 'not-assessable',
  );

/** RFA eligibility per side: the joints with the rule set's number of positive MBBs of that joint on that side [6]. */
export function rfaEligibility(
  input: CheckInput,
  until = input.asOf,
): {
  side: BodySide;
  eligible: string[];
  short: string[];
  unread: string[];
  blocks: CheckProcedure[];
}[] {
  const joints = new Map<string, Joint>();
  for (const p of diagnostic(input.procedures).filter((b) => b.kind === 'mbb'))
    for (const j of jointsOf(p)) joints.set(jointKey(j), j);
  return (['left', 'right'] as const)
    .map((side) => {
      const own = [...joints.values()].filter((j) => j.side === side);
      const eligible = own.filter(
        (j) => positiveBlocksOf(input, j, until).length >= input.rules.blocksRequiredBeforeRfa,
      );
      const unread = own.filter(
        (j) => !eligible.includes(j) && unreadBlocksOf(input, j, until).length,
      );
      const short = own.filter((j) => !eligible.includes(j) && !unread.includes(j));
      const blocks = [...new Set(eligible.flatMap((j) => positiveBlocksOf(input, j, until)))].sort(
        byDate,
      );
      return {
        side,
        eligible: eligible.map((j) => j.level),
        short: short.map((j) => j.level),
        unread: unread.map((j) => j.level),
        blocks,
      };
    })
    .filter((s) => s.eligible.length || s.short.length || s.unread.length);
}

/** Initial RFA of a joint: the rule set's number of diagnostic MBBs of that joint on that side, each >= threshold [6]. */
export function initialRfaCheck(input: CheckInput): PayerCheck {
  const base = { id: 'initial-rfa', title: 'Initial RFA' };
  const needed = input.rules.blocksRequiredBeforeRfa;
  const rfas = input.procedures.filter((p) => p.kind === 'rfa').sort(byDate);
  const evidence = diagnostic(input.procedures)
    .filter((p) => p.kind === 'mbb')
    .map((p) => procEvidence(p));
  if (!rfas.length) {
    const sides = rfaEligibility(input);
    const eligible = sides.filter((s) => s.eligible.length);
    const text = sides
      .map(
        (s) =>
          `${s.side}: ${s.eligible.length ? `${s.eligible.join(', ')} eligible` : ''}${s.eligible.length && (s.short.length || s.unread.length) ? '; ' : ''}${s.short.length ? `${s.short.join(', ')} short of ${needed} positive MBBs` : ''}${s.unread.length ? `${s.short.length ? '; ' : ''}${s.unread.join(', ')} not read yet` : ''}`,
      )
      .join('; ');
    if (eligible.length)
      return {
        ...base,
        status: 'met',
        message: `${needed} diagnostic MBB${needed === 1 ? '' : 's'} ${thresholdLabel(input.rules)} of the same joint and side (${text}).`,
        evidence,
      };
    if (!evidence.length)
      return {
        ...base,
        status: 'not-applicable',
        message: `Not yet applicable: no diagnostic MBB yet (${needed} ${thresholdLabel(input.rules)} of the same joint and side are needed).`,
        evidence,
      };
    if (sides.some((s) => s.unread.length))
      return {
        ...base,
        status: 'not-assessable',
        message: `A diagnostic MBB cannot be assessed yet: complete its pain diary (${text}).`,
        evidence,
      };
    return {
      ...base,
      status: 'not-met',
      message: `No joint has ${needed} diagnostic MBBs ${thresholdLabel(input.rules)} on the same side${text ? ` (${text})` : ''}.`,
      evidence,
    };
  }
  const statuses: CheckStatus[] = [];
  const problems: string[] = [];
  for (const rfa of rfas) {
    evidence.push({
      kind: 'procedure',
      id: rfa.id,
      date: rfa.date,
      text: `${rfa.label}${sideText(rfa)} on ${formatDate(rfa.date)}`,
    });
    const initial = jointsOf(rfa).filter(
      (j) => !rfas.some((r) => r !== rfa && byDate(r, rfa) < 0 && treats(r, j)),
    );
    const unread = initial.filter(
      (j) =>
        positiveBlocksOf(input, j, rfa.date).length < needed &&
        unreadBlocksOf(input, j, rfa.date).length,
    );
    const short = initial.filter(
      (j) => positiveBlocksOf(input, j, rfa.date).length < needed && !unread.includes(j),
    );
    if (short.length) {
      statuses.push('not-met');
      problems.push(
        `${rfa.label}: fewer than ${needed} diagnostic MBBs ${thresholdLabel(input.rules)} of ${jointsText(short)}`,
      );
    } else if (unread.length) {
      statuses.push('not-assessable');
      problems.push(`${rfa.label}: a block of ${jointsText(unread)} cannot be assessed yet`);
    } else statuses.push('met');
  }
  const status = worst(statuses);
  return {
    ...base,
    status,
    evidence,
    message:
      status === 'met'
        ? `Each RFA'd joint had ${needed} diagnostic MBB${needed === 1 ? '' : 's'} ${thresholdLabel(input.rules)} on its side.`
        : `${problems.join('; ')}.`,
  };
}

/**
 * Repeat RFA of a joint on a side: the previous RFA of it gave >= 50% relief for >= 6 months [5];
 * RFAs 2 years or more apart without new blocks of the joint are flagged [10].
 */
export function repeatRfaCheck(input: CheckInput): PayerCheck {
  const base = { id: 'repeat-rfa', title: 'Repeat RFA' };
  const rfas = input.procedures.filter((p) => p.kind === 'rfa').sort(byDate);
  const evidence: Evidence[] = [];
  const statuses: CheckStatus[] = [];
  const problems: string[] = [];
  for (const cur of rfas) {
    for (const side of sidesTreated(cur)) {
      const prev = rfas
        .filter((r) => byDate(r, cur) < 0 && cur.levels.some((level) => treats(r, { level, side })))
        .at(-1);
      if (!prev) continue;
      const relief = reliefOn(prev, side);
      evidence.push({
        kind: 'procedure',
        id: prev.id,
        date: prev.date,
        text: `${prev.label} on ${formatDate(prev.date)}, ${side}: ≥ 50% relief ${durableReliefText(relief)}`,
      });
      const heldSixMonths =
        relief.days !== null && monthsHavePassed(prev.date, addDays(prev.date, relief.days), 6);
      if (relief.status === 'not-assessable') {
        statuses.push('not-assessable');
        problems.push(`no follow-up scores show how long ${prev.label} helped on the ${side}`);
      } else if (heldSixMonths) statuses.push('met');
      else if (relief.status === 'holding') {
        statuses.push('not-assessable');
        problems.push(
          `${prev.label} still gives ≥ 50% relief on the ${side} after ${relief.days} days; 6 months are reached on ${formatDate(addMonths(prev.date, 6))}`,
        );
      } else {
        statuses.push('not-met');
        problems.push(
          `${prev.label} gave ≥ 50% relief on the ${side} for ${relief.days} days, less than 6 months`,
        );
      }
      const blocksBetween = diagnostic(input.procedures).some(
        (p) =>
          p.date > prev.date &&
          p.date <= cur.date &&
          cur.levels.some((level) => treats(p, { level, side })),
      );
      if (monthsHavePassed(prev.date, cur.date, 24) && !blocksBetween) {
        statuses.push('not-met');
        problems.push(
          `${cur.label} came 2 years or more after ${prev.label} on the ${side} without new diagnostic blocks`,
        );
        evidence.push({
          kind: 'procedure',
          id: cur.id,
          date: cur.date,
          text: `${cur.label} on ${formatDate(cur.date)}, ${daysBetween(prev.date, cur.date)} days after ${prev.label}`,
        });
      }
    }
  }
  if (!statuses.length)
    return {
      ...base,
      status: 'not-applicable',
      message: 'Not yet applicable: no repeat RFA of the same joint and side.',
      evidence: rfas.map((p) => ({
        kind: 'procedure' as const,
        id: p.id,
        date: p.date,
        text: `${p.label}${sideText(p)} on ${formatDate(p.date)}`,
      })),
    };
  const status = worst(statuses);
  return {
    ...base,
    status,
    message:
      status === 'met'
        ? 'Each repeat RFA followed ≥ 50% relief lasting 6 months on the same joint and side.'
        : `${problems.join('; ')}.`,
    evidence,
  };
}

/**
 * Therapeutic injections (IA, and MBB given for relief): two diagnostic blocks >= threshold first; each
 * repeat needs >= 50% for >= 3 months and a reason RFA is not possible [12][4].
 */
export function therapeuticIaCheck(input: CheckInput): PayerCheck {
  const base = { id: 'therapeutic-ia', title: 'Therapeutic injections' };
  const ias = input.procedures.filter(isTherapeuticInjection).sort(byDate);
  if (!ias.length)
    return {
      ...base,
      status: 'not-applicable',
      message: 'Not yet applicable: no therapeutic injection.',
      evidence: [],
    };
  const first = ias[0]!;
  const blocks = diagnostic(input.procedures).filter((p) => p.date <= first.date);
  const positive = blocks.filter((p) =>
    sidesTreated(first).some(
      (side) =>
        first.levels.some((level) => treats(p, { level, side })) &&
        verdictOn(p, side) === 'positive',
    ),
  ).length;
  const needed = input.rules.blocksRequiredBeforeRfa;
  const evidence: Evidence[] = blocks.map((p) => procEvidence(p));
  const statuses: CheckStatus[] = [positive >= needed ? 'met' : 'not-met'];
  const problems =
    positive >= needed
      ? []
      : [
          `${positive} of ${needed} diagnostic blocks ${thresholdLabel(input.rules)} of the same joints before ${first.label}`,
        ];
  for (let i = 1; i < ias.length; i++) {
    const prev = ias[i - 1]!;
    const cur = ias[i]!;
    const relief = reliefOn(prev, sidesTreated(prev)[0]!);
    evidence.push({
      kind: 'procedure',
      id: prev.id,
      date: prev.date,
      text: `${prev.label}: ≥ 50% relief ${durableReliefText(relief)}`,
    });
    const held =
      relief.days !== null && monthsHavePassed(prev.date, addDays(prev.date, relief.days), 3);
    if (relief.status === 'not-assessable') {
      statuses.push('not-assessable');
      problems.push(`no follow-up scores show how long ${prev.label} helped`);
    } else if (!held && relief.status === 'holding') {
      statuses.push('not-assessable');
      problems.push(
        `${prev.label} still helps after ${relief.days} days; 3 months are reached on ${formatDate(addMonths(prev.date, 3))}`,
      );
    } else if (!held) {
      statuses.push('not-met');
      problems.push(`${prev.label} gave ≥ 50% relief for ${relief.days} days, less than 3 months`);
    }
    if (cur.rfaNotPossibleReason)
      evidence.push({
        kind: 'procedure',
        id: cur.id,
        text: `${cur.label}: RFA not possible because ${cur.rfaNotPossibleReason}`,
      });
    else {
      statuses.push('not-met');
      problems.push(`${cur.label} has no recorded reason why RFA is not possible`);
    }
  }
  const status = worst(statuses);
  return {
    ...base,
    status,
    message:
      status === 'met'
        ? 'Therapeutic injections followed two positive diagnostic blocks; repeats are justified.'
        : `${problems.join('; ')}.`,
    evidence,
  };
}

/** Every check, in the order of domain.md section 4. */
export function payerChecks(input: CheckInput): PayerCheck[] {
  return [
    indicationCheck,
    conservativeCareCheck,
    secondBlockCheck,
    initialRfaCheck,
    repeatRfaCheck,
    therapeuticIaCheck,
    frequencyCheck,
    levelsCheck,
    imagingCheck,
    sedationCheck,
    documentationCheck,
  ].map((check) => check(input));
}
