/**
 * The follow-up schedule after a procedure and where each item stands on a given local date
 * (domain.md section 2: follow-up at 2 and 6 weeks, 3, 6 and 12 months). Dates are local calendar
 * dates (YYYY-MM-DD) in the practice's time zone; the caller converts instants with calendar.ts.
 */
import { addDays, addMonths, daysBetween, localDateOf } from './calendar.ts';
import { percentRelief } from './relief.ts';
import { DURABLE_RELIEF_PERCENT } from './relief-duration.ts';

export const FOLLOW_UP_KINDS = ['call', 'visit'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const FOLLOW_UP_UNITS = ['days', 'weeks', 'months'] as const;
export type FollowUpUnit = (typeof FOLLOW_UP_UNITS)[number];
/** Stored status (api.md fixed point). */
export const FOLLOW_UP_STATUSES = ['due', 'done', 'missed', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** One follow-up point of a rule set: how long after the procedure, and whether it is a call or a visit. */
export interface FollowUpPoint {
  count: number;
  unit: FollowUpUnit;
  kind: FollowUpKind;
}

/** The rule-set settings the schedule reads (part of RuleSetSettings). */
export interface FollowUpSettings {
  /** After a treatment (RFA or therapeutic injection): domain.md section 2. */
  followUpPoints: FollowUpPoint[];
  /** After a diagnostic block: its diary, then one call on day 1 by default (issue 12). */
  diagnosticFollowUpPoints: FollowUpPoint[];
  /** A follow-up may be done this many days either side of its due date without a flag. */
  followUpWindowDays: number;
  /** Unanswered calls after which a follow-up becomes missed. */
  followUpMaxAttempts: number;
}

/** Defaults; not fixed by domain.md beyond the time points, so all of it is a rule-set setting. */
export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = {
  followUpPoints: [
    { count: 2, unit: 'weeks', kind: 'call' },
    { count: 6, unit: 'weeks', kind: 'call' },
    { count: 3, unit: 'months', kind: 'visit' },
    { count: 6, unit: 'months', kind: 'call' },
    { count: 12, unit: 'months', kind: 'visit' },
  ],
  diagnosticFollowUpPoints: [{ count: 1, unit: 'days', kind: 'call' }],
  followUpWindowDays: 3,
  followUpMaxAttempts: 3,
};

/** "2 weeks", "3 months", "1 day". */
export function followUpPointLabel(p: Pick<FollowUpPoint, 'count' | 'unit'>): string {
  const unit = p.count === 1 ? p.unit.slice(0, -1) : p.unit;
  return `${p.count} ${unit}`;
}

/** "2 weeks call, 3 months visit" for the rule-set form. */
export function formatFollowUpPoints(points: readonly FollowUpPoint[]): string {
  return points.map((p) => `${p.count} ${p.unit} ${p.kind}`).join(', ');
}

/**
 * Parses "2 weeks call, 3 months visit" (singular units and a missing kind, meaning call, allowed).
 * A part that cannot be read becomes a point with count NaN, so the schema names the problem.
 */
export function parseFollowUpPoints(text: string): FollowUpPoint[] {
  return text
    .split(/[,;\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(\d+)\s*(day|week|month)s?(?:\s+(call|visit))?$/i.exec(part);
      if (!m) return { count: Number.NaN, unit: 'days', kind: 'call' };
      return {
        count: Number(m[1]),
        unit: `${m[2]!.toLowerCase()}s` as FollowUpUnit,
        kind: (m[3]?.toLowerCase() ?? 'call') as FollowUpKind,
      };
    });
}

/** The local date a point falls on after a procedure performed on local date `performedOn`. */
export function followUpDueDate(
  performedOn: string,
  p: Pick<FollowUpPoint, 'count' | 'unit'>,
): string {
  if (p.unit === 'months') return addMonths(performedOn, p.count); // the 31st lands on the month's last day
  return addDays(performedOn, p.unit === 'weeks' ? p.count * 7 : p.count);
}

export interface PlannedFollowUp {
  label: string;
  dueDate: string;
  kind: FollowUpKind;
  windowDays: number;
}

/**
 * The follow-ups a newly recorded procedure gets: treatment points after an RFA or a therapeutic
 * injection, the diagnostic points after a diagnostic block. `performedAt` is read as a local date in
 * `timeZone`, so a block at 23:30 local counts from that day even when UTC has moved on.
 */
export function followUpSchedule(
  procedure: { kind: string; intent: 'diagnostic' | 'therapeutic'; performedAt: string | Date },
  settings: FollowUpSettings,
  timeZone: string,
): PlannedFollowUp[] {
  const treatment = procedure.kind === 'rfa' || procedure.intent === 'therapeutic';
  const points = treatment ? settings.followUpPoints : settings.diagnosticFollowUpPoints;
  const performedOn = localDateOf(procedure.performedAt, timeZone);
  return points
    .map((p) => ({
      label: followUpPointLabel(p),
      dueDate: followUpDueDate(performedOn, p),
      kind: p.kind,
      windowDays: settings.followUpWindowDays,
    }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** Where an open item stands on `today` (worklist sections): overdue, due today, upcoming, or later. */
export type WorklistSection = 'overdue' | 'dueToday' | 'upcoming' | 'later';

/** Days ahead the worklist's Upcoming section reaches (issue 12: 7 days). */
export const UPCOMING_DAYS = 7;

/**
 * The section of an open follow-up on `today`: it joins Due today on its due date and stays there
 * while its window is open; after the window closes it is overdue; in the week before it is upcoming.
 */
export function followUpSection(
  dueDate: string,
  windowDays: number,
  today: string,
): WorklistSection {
  const days = daysBetween(dueDate, today); // > 0: today is after the due date
  if (days > windowDays) return 'overdue';
  if (days >= 0) return 'dueToday';
  return -days <= UPCOMING_DAYS ? 'upcoming' : 'later';
}

/** The section of a planned procedure on `today`: its day is due today, a passed day not yet recorded is overdue. */
export function plannedProcedureSection(plannedDate: string, today: string): WorklistSection {
  const days = daysBetween(plannedDate, today);
  if (days > 0) return 'overdue';
  if (days === 0) return 'dueToday';
  return -days <= UPCOMING_DAYS ? 'upcoming' : 'later';
}

/** True when a follow-up done on `doneOn` falls outside its window (allowed, but flagged: issue 12). */
export function outsideWindow(dueDate: string, windowDays: number, doneOn: string): boolean {
  return Math.abs(daysBetween(dueDate, doneOn)) > windowDays;
}

/** The local date an open follow-up's window closed, i.e. it became overdue the day after. */
export function overdueSince(dueDate: string, windowDays: number): string {
  return addDays(dueDate, windowDays + 1);
}

/** After a "no answer", the follow-up's next status: still due until the attempts reach the setting. */
export function statusAfterNoAnswer(
  attempts: number,
  maxAttempts: number,
): Extract<FollowUpStatus, 'due' | 'missed'> {
  return attempts >= maxAttempts ? 'missed' : 'due';
}

// Complications to record use COMPLICATIONS of procedures.ts (domain.md section 8); persistent pain is added there.
/** Red flags after a procedure: fever above 100.4 F twice 4 h apart, redness, drainage (domain.md section 8). */
export const RED_FLAGS = ['fever', 'redness', 'drainage'] as const;
export type RedFlag = (typeof RED_FLAGS)[number];
export const RED_FLAG_LABELS: Readonly<Record<RedFlag, string>> = {
  fever: 'Fever above 100.4 °F twice, 4 h apart',
  redness: 'Redness at the site',
  drainage: 'Drainage at the site',
};

/** RFA durability milestones in months (issue 12: relief still >= 50% at 3, 6, 12 months). */
export const DURABILITY_MONTHS = [3, 6, 12] as const;

export interface DurabilityScore {
  /** Local date the score describes. */
  date: string;
  score: number;
  context: 'rest' | 'activity';
  reportedReliefPercent: number | null;
}
export interface DurabilityMilestone {
  months: number;
  /** held: relief >= 50% at the milestone; lost: below; pending: not reached yet; unknown: reached, no score near it. */
  status: 'held' | 'lost' | 'pending' | 'unknown';
  reliefPercent: number | null;
  date: string | null;
}

/**
 * Durability of an RFA at 3, 6 and 12 months: the score nearest each milestone within `windowDays`,
 * read as NRS relief against the baseline in the same context, else the patient's own percent.
 */
export function rfaDurability(
  performedOn: string,
  baselines: Partial<Record<'rest' | 'activity', number>>,
  scores: readonly DurabilityScore[],
  today: string,
  windowDays: number,
): DurabilityMilestone[] {
  return DURABILITY_MONTHS.map((months) => {
    const at = addMonths(performedOn, months);
    const near = scores
      .filter((s) => Math.abs(daysBetween(at, s.date)) <= windowDays)
      .sort(
        (a, b) =>
          Math.abs(daysBetween(at, a.date)) - Math.abs(daysBetween(at, b.date)) ||
          (a.context === 'activity' ? -1 : 1),
      );
    const reliefOf = (s: DurabilityScore): number | null => {
      const base = baselines[s.context];
      const nrs = base === undefined ? null : percentRelief(base, s.score);
      return nrs ?? s.reportedReliefPercent;
    };
    const found = near.map((s) => ({ s, relief: reliefOf(s) })).find((x) => x.relief !== null);
    if (found)
      return {
        months,
        status: found.relief! >= DURABLE_RELIEF_PERCENT ? 'held' : 'lost',
        reliefPercent: found.relief,
        date: found.s.date,
      };
    return {
      months,
      status: daysBetween(at, today) > windowDays ? 'unknown' : 'pending',
      reliefPercent: null,
      date: null,
    };
  });
}
