/**
 * Kaplan-Meier estimate of time to loss of relief after an RFA (issue 13: RFA durability). Each
 * subject is followed from the RFA: either relief was lost at `days` (an event), or it still held at
 * the last follow-up `days` later (censored: not yet followed long enough, or lost to follow-up).
 */
export interface SurvivalSubject {
  /** Days from the procedure to loss of relief, or to the last follow-up that still showed relief. */
  days: number;
  /** True when relief was lost at `days`; false when the subject is censored there. */
  event: boolean;
}

/** One step of the curve: the share still holding relief just after `days`. */
export interface SurvivalStep {
  days: number;
  /** Subjects followed at least this long (at risk just before `days`). */
  atRisk: number;
  /** Losses of relief on this day. */
  events: number;
  /** Subjects censored on this day. */
  censored: number;
  /** Share still holding relief after this day, 0..1. */
  survival: number;
}

/**
 * The product-limit estimator. Steps come at every day with an event or a censoring, in order; a
 * censoring on the same day as an event counts as still at risk for that event (the usual convention).
 * An empty cohort gives no steps.
 */
export function kaplanMeier(subjects: readonly SurvivalSubject[]): SurvivalStep[] {
  const valid = subjects.filter((s) => Number.isFinite(s.days) && s.days >= 0);
  const days = [...new Set(valid.map((s) => s.days))].sort((a, b) => a - b);
  let atRisk = valid.length;
  let survival = 1;
  const steps: SurvivalStep[] = [];
  for (const day of days) {
    const here = valid.filter((s) => s.days === day);
    const events = here.filter((s) => s.event).length;
    const censored = here.length - events;
    if (events > 0) survival *= 1 - events / atRisk;
    steps.push({ days: day, atRisk, events, censored, survival });
    atRisk -= here.length;
  }
  return steps;
}

/**
 * The estimated share still holding relief at `day` (1 before the first event), or null when no
 * subject was followed that long, so the curve says nothing there (an RFA at 12 months with everyone
 * censored at 6 reads "not yet known", never 100%).
 */
export function survivalAt(
  steps: readonly SurvivalStep[],
  subjects: number,
  day: number,
): number | null {
  if (subjects === 0) return null;
  const last = steps.at(-1);
  if (!last || day > last.days) return null;
  let survival = 1;
  for (const step of steps) {
    if (step.days > day) break;
    survival = step.survival;
  }
  return survival;
}
