/**
 * One plain sentence on what the episode may do next, from the payer-rule checks (domain.md section 4).
 * It never offers what a not-met check forbids: it names the check that blocks it. RFA eligibility is
 * said per side, in words.
 */
import { addMonths, formatDate, addDays } from './calendar.ts';
import { reliefOn, sidesTreated } from './joints.ts';
import {
  type CheckInput,
  type CheckProcedure,
  type PayerCheck,
  payerChecks,
  rfaEligibility,
} from './payer-checks.ts';
import { durableReliefText } from './relief-duration.ts';
import { thresholdLabel } from './relief.ts';
import { capFor, sessionsInWindow } from './session-checks.ts';

export interface NextStep {
  id: string;
  message: string;
}

/** Which not-met checks forbid which next step (domain.md section 4 rows). */
export const BLOCKING_CHECKS = {
  'first-block': ['indication', 'conservative-care', 'imaging', 'levels'],
  'second-block': ['indication', 'conservative-care', 'second-block', 'imaging', 'levels'],
  rfa: [
    'indication',
    'conservative-care',
    'second-block',
    'initial-rfa',
    'imaging',
    'levels',
    'sedation',
    'documentation',
  ],
  'repeat-rfa': ['repeat-rfa', 'imaging', 'levels'],
} as const;

const pct = (n: number | null) => `${Math.round((n ?? 0) * 10) / 10}%`;
const sorted = (ps: readonly CheckProcedure[]) =>
  [...ps].sort((a, b) => a.date.localeCompare(b.date));
const lower = (m: string) => `${m.charAt(0).toLowerCase()}${m.slice(1)}`;

/** The first not-met check that forbids `step`, as a "not eligible" sentence, or null. */
function blockedBy(
  checks: readonly PayerCheck[],
  step: keyof typeof BLOCKING_CHECKS,
  what: string,
): NextStep | null {
  const c = checks.find(
    (x) => (BLOCKING_CHECKS[step] as readonly string[]).includes(x.id) && x.status === 'not-met',
  );
  return c
    ? {
        id: c.id,
        message: `Not eligible for ${what}: the ${lower(c.title)} check is not met (${c.message.replace(/\.$/, '')}).`,
      }
    : null;
}

/**
 * When the frequency cap for a category is reached at `asOf`, the first date a new session fits: the
 * oldest session that must leave the window leaves it exactly 12 months after it (one calendar rule).
 */
function capBlocks(
  input: CheckInput,
  category: 'diagnostic' | 'rfa',
  what: string,
): NextStep | null {
  const window = sessionsInWindow(input.regionProcedures, category, input.asOf);
  const cap = capFor(input.rules, category);
  if (window.length < cap) return null;
  const leaving = window[window.length - cap]!;
  return {
    id: 'frequency',
    message: `Not eligible for ${what} yet: ${window.length} of ${cap} sessions in the last 12 months; next from ${formatDate(addMonths(leaving.date, 12))}.`,
  };
}

export function nextStep(input: CheckInput, checks: readonly PayerCheck[]): NextStep {
  const check = (id: string) => checks.find((c) => c.id === id)!;
  const blocks = sorted(
    input.procedures.filter((p) => p.intent === 'diagnostic' && p.kind === 'mbb'),
  );
  const rfas = sorted(input.procedures.filter((p) => p.kind === 'rfa'));

  if (rfas.length) {
    const last = rfas.at(-1)!;
    const from = addMonths(last.date, 6);
    const readings = sidesTreated(last).map((side) => ({ side, relief: reliefOn(last, side) }));
    const where = (side: string) => (readings.length > 1 ? ` on the ${side}` : '');
    if (readings.every((r) => r.relief.status === 'not-assessable')) {
      return {
        id: 'follow-up',
        message: `Follow up ${last.label}: record follow-up pain scores to show how long relief lasts (a repeat RFA needs ≥ 50% for 6 months, from ${formatDate(from)}).`,
      };
    }
    const blocked =
      blockedBy(checks, 'repeat-rfa', 'a repeat RFA') ?? capBlocks(input, 'rfa', 'a repeat RFA');
    if (blocked) return blocked;
    const held = readings.filter(
      (r) => r.relief.days !== null && addDays(last.date, r.relief.days) >= from,
    );
    if (held.length)
      return {
        id: 'repeat-rfa',
        message: `Eligible for a repeat RFA${held.length < readings.length ? ` on the ${held.map((r) => r.side).join(' and ')} only` : ''}: ${last.label} gave ≥ 50% relief for ${held.map((r) => `${durableReliefText(r.relief)}${where(r.side)}`).join(', ')}.`,
      };
    const holding = readings.filter((r) => r.relief.status === 'holding');
    if (holding.length)
      return {
        id: 'follow-up',
        message: `Follow up ${last.label}: relief still holds (${holding.map((r) => `${durableReliefText(r.relief)}${where(r.side)}`).join(', ')}); a repeat RFA needs 6 months, from ${formatDate(from)}.`,
      };
    return {
      id: 'repeat-rfa',
      message: `Not eligible for a repeat RFA: ${last.label} gave ≥ 50% relief for ${readings.map((r) => `${durableReliefText(r.relief)}${where(r.side)}`).join(', ')}; 6 months needed.`,
    };
  }
  if (!blocks.length) {
    const blocked = blockedBy(checks, 'first-block', 'diagnostic blocks');
    if (blocked) return blocked;
    const missing = ['indication', 'conservative-care']
      .map(check)
      .filter((c) => c.status === 'not-assessable');
    if (missing.length)
      return {
        id: missing[0]!.id,
        message: `Before a first diagnostic block: ${missing.map((c) => lower(c.message.replace(/\.$/, '').replace(/^Indication: /, ''))).join('; ')}.`,
      };
    return (
      capBlocks(input, 'diagnostic', 'a diagnostic block') ?? {
        id: 'first-block',
        message: 'Eligible for a first diagnostic MBB.',
      }
    );
  }
  const needed = input.rules.blocksRequiredBeforeRfa;
  const unread = blocks.find(
    (b) =>
      b.verdict === 'not-assessable' &&
      sidesTreated(b).every((s) => (b.sideVerdicts?.[s] ?? b.verdict) === 'not-assessable'),
  );
  if (unread)
    return { id: 'diary', message: `Complete the pain diary of ${unread.label} to read it.` };
  const sides = rfaEligibility(input);
  const eligible = sides.filter((s) => s.eligible.length);
  if (eligible.length) {
    const capped = capBlocks(input, 'rfa', 'RFA');
    if (capped) return capped;
    // Each side is judged on its own records: a failing right block does not forbid a left RFA.
    const judged = eligible.map((side) => {
      const own = onSide(input, side.side);
      return {
        side,
        blocked: blockedBy(
          payerChecks(own).filter((c) => c.id !== 'initial-rfa'),
          'rfa',
          `RFA on the ${side.side}`,
        ),
      };
    });
    const open = judged.filter((j) => !j.blocked);
    if (!open.length)
      return judged.length === 1
        ? {
            ...judged[0]!.blocked!,
            message: judged[0]!.blocked!.message.replace(` on the ${judged[0]!.side.side}`, ''),
          }
        : judged[0]!.blocked!;
    const list = [...new Set(open.flatMap((j) => j.side.blocks))]
      .map((b) => `${b.label} ${pct(b.peakReliefPercent)} on ${formatDate(b.date)}`)
      .join(', ');
    const blockedText = judged
      .filter((j) => j.blocked)
      .map(
        (j) =>
          `; not on the ${j.side.side} (${j.blocked!.message.replace(/^Not eligible for RFA on the \w+: /, '').replace(/\.$/, '')})`,
      )
      .join('');
    const yes = open
      .map((j) => j.side)
      .map(
        (s) =>
          `the ${s.side} (${s.eligible.join(', ')}${s.short.length || s.unread.length ? `; not ${[...s.short, ...s.unread].join(', ')}` : ''})`,
      )
      .join(' and ');
    const no = sides
      .filter((s) => !s.eligible.length)
      .map(
        (s) =>
          `; not on the ${s.side} (${s.unread.length ? 'a block is not read yet' : `fewer than ${needed} positive MBB${needed === 1 ? '' : 's'} there`})`,
      )
      .join('');
    const count = needed === 1 ? 'one MBB' : `${needed === 2 ? 'two' : needed} MBBs`;
    return {
      id: 'rfa',
      message: `Eligible for RFA on ${yes}${blockedText}${no}: ${count} ${thresholdLabel(input.rules)} of each joint on that side (${list}).`,
    };
  }
  const last = blocks.at(-1)!;
  const lastPositiveSides = sidesTreated(last).filter(
    (s) => (last.sideVerdicts?.[s] ?? last.verdict) === 'positive',
  );
  if (!lastPositiveSides.length) {
    return {
      id: 'not-eligible',
      message: `Not eligible for ${blocks.length === 1 ? 'a second block' : 'RFA'}: ${last.label} gave ${pct(last.peakReliefPercent)} relief (${last.verdict}); the rule set needs ${thresholdLabel(input.rules)}.`,
    };
  }
  const blocked =
    blockedBy(checks, 'second-block', 'another diagnostic block') ??
    capBlocks(input, 'diagnostic', 'another diagnostic block');
  if (blocked) return blocked;
  const from = addDays(last.date, input.rules.minDaysBetweenBlocks);
  const sideWords =
    sidesTreated(last).length > 1 && lastPositiveSides.length === 1
      ? ` on the ${lastPositiveSides[0]} only (${last.label} was positive there)`
      : '';
  return {
    id: 'second-block',
    message: `Eligible for a second diagnostic MBB${sideWords} from ${formatDate(from > input.asOf ? from : input.asOf)}.`,
  };
}

/** The episode as seen from one side: one-sided records of the other side left out, bilateral ones read for this side only. */
export function onSide(input: CheckInput, side: 'left' | 'right'): CheckInput {
  const project = (ps: readonly CheckProcedure[]) =>
    ps
      .filter((p) => sidesTreated(p).includes(side))
      .map((p) => ({
        ...p,
        side,
        verdict: p.sideVerdicts?.[side] ?? p.verdict,
        sideVerdicts: { [side]: p.sideVerdicts?.[side] ?? p.verdict },
      }));
  return {
    ...input,
    procedures: project(input.procedures),
    regionProcedures: input.regionProcedures,
  };
}
