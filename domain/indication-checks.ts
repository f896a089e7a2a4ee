/**
 * The indication, conservative-care and documentation rows of the LCD (domain.md section 4 [1][3][4][9]
 * [53][54][16]). Pure functions over the episode's facts; the rule set carries every figure.
 */
import { addMonths, formatDate, monthsHavePassed } from './calendar.ts';
import { conservativeCareDays, type TherapyResponse } from './conservative-care.ts';
import { monthsBetween } from './patient-facts.ts';
import type {
  CheckInput,
  CheckProcedure,
  CheckStatus,
  Evidence,
  PayerCheck,
} from './payer-checks.ts';

const byDate = (a: CheckProcedure, b: CheckProcedure) =>
  a.date.localeCompare(b.date) || a.id.localeCompare(b.id, undefined, { numeric: true });
const worst = (statuses: CheckStatus[]): CheckStatus =>
  statuses.includes('not-met')
    ? 'not-met'
    : statuses.includes('not-assessable')
      ? 'not-assessable'
      : 'met';
/** The date the checks judge the indication at: the first procedure, else today. */
const judgedOn = (input: CheckInput) => [...input.procedures].sort(byDate)[0]?.date ?? input.asOf;

/** Radiculopathy at intake: untreated radiculopathy excludes facet interventions (domain.md section 4 [1][4][9]). */
export const RADICULOPATHY = ['none', 'treated', 'untreated'] as const;
export type Radiculopathy = (typeof RADICULOPATHY)[number];
/** Another cause of the pain found at intake (fracture, tumor, infection) excludes them too. */
export const OTHER_CAUSES = ['none', 'fracture', 'tumor', 'infection', 'other'] as const;
export type OtherCause = (typeof OTHER_CAUSES)[number];

/**
 * A disability score shows a functional deficit when it is beyond the "minimal" / "none" band
 * (domain.md section 5 bands: ODI 0-20 minimal, NDI 0-4 none).
 */
export function showsFunctionalDeficit(
  instrument: string,
  total: number | null,
  band?: string | null,
): boolean | null {
  if (total === null) return null;
  if (band) return band !== 'minimal' && band !== 'none';
  return instrument === 'ndi' ? total > 4 : total > 20;
}

/** The baseline disability score: the latest one on or before the judged date. */
function baselineDisability(input: CheckInput) {
  const until = judgedOn(input);
  return (
    input.functionScores
      .filter((f) => f.takenOn <= until)
      .sort((a, b) => a.takenOn.localeCompare(b.takenOn))
      .at(-1) ?? null
  );
}

/**
 * Indication: moderate-to-severe chronic pain causing a functional deficit on a disability scale, pain
 * >= 3 months, documented failure of conservative care, no untreated radiculopathy, no other cause [1][4][9].
 */
export function indicationCheck(input: CheckInput): PayerCheck {
  const until = judgedOn(input);
  const months = monthsBetween(input.onsetDate, until);
  const evidence: Evidence[] = [
    {
      kind: 'episode',
      date: input.onsetDate,
      text: `Pain since ${formatDate(input.onsetDate)}: ${months} months by ${formatDate(until)}`,
    },
  ];
  const chronic = monthsHavePassed(input.onsetDate, until, 3);
  const parts: [CheckStatus, string][] = [
    [
      chronic ? 'met' : 'not-met',
      chronic
        ? ''
        : `pain for ${months} month${months === 1 ? '' : 's'} (at least 3 needed, from ${formatDate(addMonths(input.onsetDate, 3))})`,
    ],
  ];
  if (input.baselineNrs === null) parts.push(['not-assessable', 'no baseline pain score recorded']);
  else {
    evidence.push({
      kind: 'episode',
      text: `Baseline NRS ${input.baselineNrs} (moderate from ${input.rules.moderatePainMinNrs})`,
    });
    parts.push(
      input.baselineNrs >= input.rules.moderatePainMinNrs
        ? ['met', '']
        : ['not-met', `baseline pain ${input.baselineNrs} is below moderate`],
    );
  }
  const disability = baselineDisability(input);
  if (!disability) parts.push(['not-assessable', 'no disability score (ODI or NDI) at baseline']);
  else {
    evidence.push({
      kind: 'function-score',
      id: disability.id,
      date: disability.takenOn,
      text: `${disability.instrument.toUpperCase()} ${disability.total ?? '?'}${disability.band ? ` (${disability.band})` : ''} on ${formatDate(disability.takenOn)}`,
    });
    const deficit = showsFunctionalDeficit(
      disability.instrument,
      disability.total,
      disability.band,
    );
    if (deficit === false)
      parts.push([
        'not-met',
        `${disability.instrument.toUpperCase()} ${disability.total} shows no functional deficit`,
      ]);
    if (deficit === null)
      parts.push(['not-assessable', 'the baseline disability score has no total']);
  }
  const intake = input.intake;
  if (!intake || intake.radiculopathy === null)
    parts.push(['not-assessable', 'radiculopathy not recorded at intake']);
  else {
    evidence.push({ kind: 'episode', text: `Radiculopathy at intake: ${intake.radiculopathy}` });
    if (intake.radiculopathy === 'untreated') parts.push(['not-met', 'untreated radiculopathy']);
  }
  if (!intake || intake.otherCause === null)
    parts.push([
      'not-assessable',
      'other causes (fracture, tumor, infection) not recorded at intake',
    ]);
  else {
    evidence.push({ kind: 'episode', text: `Other cause at intake: ${intake.otherCause}` });
    if (intake.otherCause !== 'none')
      parts.push(['not-met', `another cause of the pain (${intake.otherCause})`]);
  }
  // Documented failure (the length is the conservative-care row's): a therapy whose response was none or partial.
  const tried = input.therapies.filter((t) => !t.enteredInError && t.startDate <= until);
  if (tried.some((t) => therapyFailed(t.response) === true)) parts.push(['met', '']);
  else if (tried.length && tried.every((t) => therapyFailed(t.response) === false))
    parts.push([
      'not-met',
      'conservative care helped (good response), so its failure is not documented',
    ]);
  else
    parts.push([
      'not-assessable',
      tried.length
        ? 'record the response of the conservative care tried'
        : 'no conservative care recorded',
    ]);
  const status = worst(parts.map(([s]) => s));
  const problems = parts.filter(([s]) => s !== 'met').map(([, m]) => m);
  return {
    id: 'indication',
    title: 'Indication',
    status,
    evidence,
    message:
      status === 'met'
        ? 'Chronic moderate-to-severe pain for at least 3 months with a functional deficit, failed conservative care, no untreated radiculopathy or other cause.'
        : `Indication: ${problems.join('; ')}.`,
  };
}

/** A therapy failed when it did not give enough relief to avoid interventions (response none or partial). */
export function therapyFailed(response: TherapyResponse | null | undefined): boolean | null {
  return response === 'none' || response === 'partial' ? true : response === 'good' ? false : null;
}

/**
 * Conservative care: the rule set's days of failed conservative care, within its window before the
 * first procedure ("6 weeks within the last 6 months" style; both settings [53][54][16]).
 */
export function conservativeCareCheck(input: CheckInput): PayerCheck {
  const base = { id: 'conservative-care', title: 'Conservative care' };
  const until = judgedOn(input);
  const windowMonths = input.rules.conservativeCareWindowMonths ?? null;
  const from = windowMonths === null ? null : addMonths(until, -windowMonths);
  const valid = input.therapies.filter((t) => !t.enteredInError);
  const RESPONSE = {
    none: 'no response',
    partial: 'partial response',
    good: 'good response',
  } as const;
  const evidence: Evidence[] = valid.map((t) => ({
    kind: 'therapy',
    id: t.id,
    date: t.startDate,
    text: `${t.label}: ${formatDate(t.startDate)} to ${t.endDate ? formatDate(t.endDate) : 'ongoing'}, ${t.response ? RESPONSE[t.response] : 'response not recorded'}`,
  }));
  const min = input.rules.conservativeCareMinDays;
  if (!valid.length)
    return {
      ...base,
      status: 'not-assessable',
      message: 'No conservative care recorded.',
      evidence,
    };
  evidence.push({
    kind: 'setting',
    text: `Rule set: ${min} days of failed conservative care${from ? ` within ${windowMonths} months` : ''}`,
  });
  // Only days inside the window count: a therapy that started before it counts from its start.
  const clip = (t: (typeof valid)[number]) => ({
    ...t,
    startDate: from && t.startDate < from ? from : t.startDate,
  });
  const inWindow = valid.filter((t) => !from || !t.endDate || t.endDate >= from).map(clip);
  const failedDays = conservativeCareDays(
    inWindow.filter((t) => therapyFailed(t.response) === true),
    until,
  );
  const unknownDays = conservativeCareDays(
    inWindow.filter((t) => therapyFailed(t.response) === null),
    until,
  );
  const windowText = from
    ? ` between ${formatDate(from)} and ${formatDate(until)}`
    : ` by ${formatDate(until)}`;
  if (failedDays >= min)
    return {
      ...base,
      status: 'met',
      message: `${failedDays} days of failed conservative care${windowText} (at least ${min}).`,
      evidence,
    };
  if (failedDays + unknownDays >= min)
    return {
      ...base,
      status: 'not-assessable',
      message: `Record the response of each therapy: ${failedDays} days documented as failed${windowText}, ${min} needed.`,
      evidence,
    };
  const helped = inWindow.some((t) => t.response === 'good');
  return {
    ...base,
    status: 'not-met',
    evidence,
    message: `${failedDays} days of failed conservative care${windowText}; ${min} needed${helped ? ' (a therapy with a good response is not a failure)' : ''}.`,
  };
}

/**
 * Documentation (domain.md section 4 [3][4][9]): conservative care tried, the same pain scale before
 * and after every block, a disability scale at baseline.
 */
export function documentationCheck(input: CheckInput): PayerCheck {
  const base = { id: 'documentation', title: 'Documentation' };
  const evidence: Evidence[] = [];
  const parts: [CheckStatus, string][] = [];
  for (const p of [...input.procedures].sort(byDate)) {
    if (p.sameScaleBeforeAfter === false) {
      parts.push([
        'not-met',
        `${p.label} has no pain score on the same scale before and after (same context and side as its baseline)`,
      ]);
      evidence.push({
        kind: 'procedure',
        id: p.id,
        date: p.date,
        text: `${p.label}: scores after the block have no baseline in the same context`,
      });
    }
  }
  if (!baselineDisability(input))
    parts.push(['not-assessable', 'no disability scale (ODI or NDI) at baseline']);
  if (!input.therapies.some((t) => !t.enteredInError))
    parts.push(['not-assessable', 'no conservative care recorded']);
  const status = worst(parts.map(([s]) => s));
  return {
    ...base,
    status,
    evidence,
    message:
      status === 'met'
        ? 'Same pain scale before and after each block; disability scale at baseline; conservative care recorded.'
        : `${parts.map(([, m]) => m).join('; ')}.`,
  };
}
