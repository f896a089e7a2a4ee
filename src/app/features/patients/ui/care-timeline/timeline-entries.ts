import { formatDate } from '../../../../shared/format/date-format.ts';
import {
  type EpisodeRecord,
  INSTRUMENT_LABELS,
  type PainTimeline,
  PROCEDURE_LABELS,
  STAGE_LABELS,
  THERAPY_LABELS,
} from '@domain';
import { type DistanceUnit } from '../../data/distance-unit-store.ts';
import type { CorrectableKind, EnteredInErrorMark } from '../../data/patients-api.ts';
import { RESPONSE_LABELS, RUNNING_STATUS_LABELS } from '../care-labels.ts';
import { distanceText } from '../patient-form-dialog/patient-fields.ts';

/** One line of the patient timeline. */
export interface TimelineEntry {
  /** Unique across kinds, for `track`. */
  key: string;
  icon: string;
  /** The day it describes, YYYY-MM-DD. */
  on: string;
  title: string;
  details: string[];
  /** Who recorded it; null where the source does not say (procedures link to their own page). */
  byName: string | null;
  /** When it was recorded (ISO date-time). */
  recordedAt: string;
  enteredInError: EnteredInErrorMark;
  /** How to mark it entered in error; null for stage changes, which are corrected by moving again. */
  correction: { kind: CorrectableKind; id: string; version: number; what: string } | null;
  /** Where the entry's own page is (procedures), or null. */
  link: string[] | null;
}

/** "10 Jan 2026" for a calendar date (no time-zone shift). */
export function dayText(isoDate: string): string {
  return formatDate(isoDate, 'd MMM y', 'UTC');
}

/** "10 Jan 2026 – 3 Mar 2026" or "from 10 Jan 2026, ongoing". */
export function periodText(startDate: string, endDate: string | null): string {
  return endDate
    ? `${dayText(startDate)} – ${dayText(endDate)}`
    : `from ${dayText(startDate)}, ongoing`;
}

/** "ODI 34% · moderate"; the total and band are the server's (domain scoring). */
export function functionScoreText(score: EpisodeRecord['functionScores'][number]): string {
  const name = score.instrument.toUpperCase();
  if (score.total === null) return `${name}: not enough sections for a total`;
  const unit = score.instrument === 'odi' ? '%' : ' points';
  return `${name} ${score.total}${unit}${score.band ? ` · ${score.band}` : ''}`;
}

/**
 * Everything recorded on an episode, newest first: stage changes, therapies, function scores, running,
 * and the procedures (from the pain timeline, each linking to its page).
 */
export function timelineEntries(
  record: EpisodeRecord,
  unit: DistanceUnit,
  procedures: PainTimeline['procedures'] = [],
): TimelineEntry[] {
  const stages: TimelineEntry[] = record.episode.stageHistory.map((change) => ({
    key: `stage-${change.id}`,
    icon: 'swap_horiz',
    on: formatDate(change.at, 'yyyy-MM-dd'), // the local day in the practice's zone, as procedures'
    title: change.from
      ? `Stage: ${STAGE_LABELS[change.from]} → ${STAGE_LABELS[change.to]}`
      : `Episode opened in ${STAGE_LABELS[change.to]}`,
    details: change.reason ? [change.reason] : [],
    byName: change.byName,
    recordedAt: change.at,
    enteredInError: null,
    correction: null,
    link: null,
  }));
  const therapies: TimelineEntry[] = record.therapies.map((t) => ({
    key: `therapy-${t.id}`,
    icon: 'self_improvement',
    on: t.startDate,
    title: THERAPY_LABELS[t.kind],
    details: [
      periodText(t.startDate, t.endDate),
      t.response ? RESPONSE_LABELS[t.response] : null,
      t.notes,
    ].filter((d): d is string => !!d),
    byName: t.recordedByName,
    recordedAt: t.recordedAt,
    enteredInError: t.enteredInError,
    correction: {
      kind: 'therapies',
      id: t.id,
      version: t.version,
      what: `${THERAPY_LABELS[t.kind]} ${periodText(t.startDate, t.endDate)}`,
    },
    link: null,
  }));
  const scores: TimelineEntry[] = record.functionScores.map((s) => ({
    key: `score-${s.id}`,
    icon: 'assignment',
    on: s.takenOn,
    title: functionScoreText(s),
    details: [`${INSTRUMENT_LABELS[s.instrument]}, ${s.answered} of 10 sections answered`],
    byName: s.recordedByName,
    recordedAt: s.recordedAt,
    enteredInError: s.enteredInError,
    correction: {
      kind: 'function-scores',
      id: s.id,
      version: s.version,
      what: `The ${s.instrument.toUpperCase()} of ${dayText(s.takenOn)}`,
    },
    link: null,
  }));
  const running: TimelineEntry[] = record.runningChecks.map((r) => ({
    key: `running-${r.id}`,
    icon: 'directions_run',
    on: r.takenOn,
    title: `Return to running: ${RUNNING_STATUS_LABELS[r.status].toLowerCase()}`,
    details:
      r.weeklyDistanceKm === null ? [] : [`${distanceText(r.weeklyDistanceKm, unit)} a week`],
    byName: r.recordedByName,
    recordedAt: r.recordedAt,
    enteredInError: r.enteredInError,
    correction: {
      kind: 'running-checks',
      id: r.id,
      version: r.version,
      what: `The running check of ${dayText(r.takenOn)}`,
    },
    link: null,
  }));
  const done: TimelineEntry[] = procedures.map((p) => ({
    key: `procedure-${p.id}`,
    icon: 'vaccines',
    on: formatDate(p.performedAt, 'yyyy-MM-dd'),
    title: p.label,
    details: [
      `${PROCEDURE_LABELS[p.kind]}, ${p.intent}, at ${formatDate(p.performedAt, 'HH:mm')}`,
      // Done despite failing payer-rule checks: the physician's reason belongs on the record too.
      ...(p.overrideReason ? [`Payer-rule override: ${p.overrideReason}`] : []),
    ],
    byName: null,
    recordedAt: p.performedAt,
    enteredInError: null,
    correction: null,
    link: ['/procedures', p.id],
  }));
  return [...stages, ...therapies, ...scores, ...running, ...done].sort(
    (a, b) => b.on.localeCompare(a.on) || b.recordedAt.localeCompare(a.recordedAt),
  );
}
