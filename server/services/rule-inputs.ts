import type { Selectable } from 'kysely';
import {
  assessBlock,
  type AnestheticAgent,
  type BlockFacts,
  type CheckProcedure,
  type DiaryScore,
  durableRelief,
  isLateEntry,
  localDateOf,
  type ProcedureKind,
  type RuleSetSettings,
  sameScaleBeforeAndAfter,
  type Sedation,
  sidesOf,
} from '../../domain/index.ts';
import type { PainScoresTable, ProceduresTable } from '../db/schema.ts';

type ProcedureRow = Selectable<ProceduresTable>;
type PainScoreRow = Selectable<PainScoresTable>;

/** Pain-score rows as the domain reads them: late entries flagged, follow-up results marked (a score linked to a follow-up). */
export function diaryScoresOf(rows: readonly PainScoreRow[], rules: RuleSetSettings): DiaryScore[] {
  return rows.map((s) => ({
    minutesAfter: s.minutes_after,
    score: s.score,
    context: s.context as DiaryScore['context'],
    side: s.side as DiaryScore['side'],
    reportedReliefPercent: s.reported_relief_percent,
    enteredInError: !!s.error_reason,
    late: isLateEntry(s.describes_at, s.entered_at, rules.lateEntryMinutes),
    // Follow-up results are stored as pain scores linked to their follow-up (when that column exists).
    followUp: (s as { follow_up_id?: unknown }).follow_up_id != null,
  }));
}

/** The facts of a procedure row the assessment reads. */
export function blockFactsOf(row: ProcedureRow): BlockFacts {
  return {
    side: row.side as BlockFacts['side'],
    sedation: row.sedation as Sedation,
    agent: row.anesthetic_agent as AnestheticAgent,
    levels: row.levels,
    performedAt: row.performed_at.toISOString(),
  };
}

/** A procedure row as the payer checks see it: local date in the practice's zone, verdict per side, relief per side from follow-ups. */
export function checkProcedureOf(
  row: ProcedureRow,
  scores: DiaryScore[],
  rules: RuleSetSettings,
  timeZone: string,
  label: string,
): CheckProcedure {
  const facts = blockFactsOf(row);
  const assessment = assessBlock(scores, rules, facts);
  const relief = Object.fromEntries(
    sidesOf(facts.side).map((side) => [
      side,
      durableRelief(scores, rules.diaryMinutes, facts.side === 'bilateral' ? side : null),
    ]),
  );
  const first = Object.values(relief)[0];
  return {
    id: String(row.id),
    label,
    kind: row.kind as ProcedureKind,
    intent: row.intent as CheckProcedure['intent'],
    date: localDateOf(row.performed_at, timeZone),
    levels: row.levels,
    side: facts.side,
    guidance: row.guidance as CheckProcedure['guidance'],
    sedation: facts.sedation,
    sedationReason: row.sedation_reason,
    intervalExceptionReason: row.interval_exception_reason,
    rfaNotPossibleReason: row.rfa_not_possible_reason,
    verdict: assessment.verdict,
    peakReliefPercent: assessment.peakReliefPercent,
    sideVerdicts: Object.fromEntries(assessment.sides.map((s) => [s.side, s.verdict])),
    relief,
    daysAtHalfRelief: first?.days ?? null,
    sameScaleBeforeAfter: sameScaleBeforeAndAfter(scores),
  };
}
