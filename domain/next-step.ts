/** One plain sentence on what the episode may do next, from the payer-rule checks (domain.md section 4). */
import { addDays, addMonths, formatDate } from './calendar.ts';
import { capFor, type CheckInput, type CheckProcedure, type PayerCheck, sessionsInWindow } from './payer-checks.ts';

export interface NextStep { id: string; message: string }

const pct = (n: number | null) => `${Math.round((n ?? 0) * 10) / 10}%`;
const threshold = (input: CheckInput) => `${input.rules.thresholdExclusive ? '>' : '≥'} ${input.rules.positiveThresholdPercent}%`;
const sorted = (ps: readonly CheckProcedure[]) => [...ps].sort((a, b) => a.date.localeCompare(b.date));

/** When the frequency cap for a category is reached at `asOf`, the first date a new session fits. */
function capBlocks(input: CheckInput, category: 'diagnostic' | 'rfa', what: string): NextStep | null {
  const window = sessionsInWindow(input.regionProcedures, category, input.asOf);
  const cap = capFor(input.rules, category);
  if (window.length < cap) return null;
  // The oldest session that must leave the window for one more to fit.
  const leaving = window[window.length - cap]!;
  return { id: 'frequency', message: `Not eligible for ${what} yet: ${window.length} of ${cap} sessions in the last 12 months; next from ${formatDate(addDays(addMonths(leaving.date, 12), 1))}.` };
}

export function nextStep(input: CheckInput, checks: readonly PayerCheck[]): NextStep {
  const check = (id: string) => checks.find((c) => c.id === id)!;
  const blocks = sorted(input.procedures.filter((p) => p.intent === 'diagnostic' && p.kind === 'mbb'));
  const rfas = sorted(input.procedures.filter((p) => p.kind === 'rfa'));

  if (rfas.length) {
    const last = rfas.at(-1)!;
    const from = addMonths(last.date, 6);
    if (last.daysAtHalfRelief === null) return { id: 'follow-up', message: `Follow up ${last.label}: record pain scores to show how long relief lasts (a repeat RFA needs ≥ 50% for 6 months, from ${formatDate(from)}).` };
    return capBlocks(input, 'rfa', 'a repeat RFA') ?? (last.daysAtHalfRelief >= 182
      ? { id: 'repeat-rfa', message: `Eligible for a repeat RFA: ${last.label} gave ≥ 50% relief for ${last.daysAtHalfRelief} days.` }
      : { id: 'repeat-rfa', message: `Not eligible for a repeat RFA: ${last.label} gave ≥ 50% relief for ${last.daysAtHalfRelief} days; 6 months needed.` });
  }
  if (!blocks.length) {
    for (const id of ['indication', 'conservative-care']) {
      const c = check(id);
      if (c.status === 'not-met') return { id, message: `Not eligible for diagnostic blocks: ${c.message.charAt(0).toLowerCase()}${c.message.slice(1)}` };
    }
    const missing = ['indication', 'conservative-care'].map(check).filter((c) => c.status === 'not-assessable');
    if (missing.length) return { id: missing[0]!.id, message: `Before a first diagnostic block: ${missing.map((c) => c.message.replace(/\.$/, '').toLowerCase()).join('; ')}.` };
    return capBlocks(input, 'diagnostic', 'a diagnostic block') ?? { id: 'first-block', message: 'Eligible for a first diagnostic MBB.' };
  }
  const needed = input.rules.blocksRequiredBeforeRfa;
  const unread = blocks.find((b) => b.verdict === 'not-assessable');
  if (unread) return { id: 'diary', message: `Complete the pain diary of ${unread.label} to read it.` };
  const positive = blocks.filter((b) => b.verdict === 'positive');
  if (positive.length >= needed) {
    const list = positive.slice(0, Math.max(needed, 1)).map((b) => `${b.label} ${pct(b.peakReliefPercent)} on ${formatDate(b.date)}`).join(', ');
    return capBlocks(input, 'rfa', 'RFA') ?? { id: 'rfa', message: `Eligible for RFA: ${positive.length === 1 ? 'one MBB' : `${positive.length === 2 ? 'two' : positive.length} MBBs`} ${threshold(input)} (${list}).` };
  }
  const last = blocks.at(-1)!;
  if (last.verdict !== 'positive') {
    return { id: 'not-eligible', message: `Not eligible for ${blocks.length === 1 ? 'a second block' : 'RFA'}: ${last.label} gave ${pct(last.peakReliefPercent)} relief (${last.verdict}); the rule set needs ${threshold(input)}.` };
  }
  const from = addDays(last.date, input.rules.minDaysBetweenBlocks);
  return capBlocks(input, 'diagnostic', 'another diagnostic block') ?? { id: 'second-block', message: `Eligible for a second diagnostic MBB from ${formatDate(from > input.asOf ? from : input.asOf)}.` };
}
