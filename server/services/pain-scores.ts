import type { Selectable } from 'kysely';
import { isLateEntry, type PainScoreView, percentRelief } from '../../domain/index.ts';
import type { PainScoresTable } from '../db/schema.ts';
import { errorMark, iso, type Names } from './clinical-rows.ts';

/**
 * A procedure's pain scores shaped for the API: relief against the latest valid baseline of the same
 * series (context and side), and late entries flagged (domain.md section 2). Used by the diary and the report.
 */
export function scoreViews(rows: Selectable<PainScoresTable>[], names: Names, lateEntryMinutes: number): PainScoreView[] {
  const baselineOf = (r: Selectable<PainScoresTable>) => {
    const candidates = rows.filter((b) => !b.error_reason && b.minutes_after <= 0 && b.context === r.context && b.side === r.side);
    return candidates.length ? candidates[candidates.length - 1]!.score : null;
  };
  return rows.map((r) => {
    const baseline = baselineOf(r);
    return {
      id: String(r.id), procedureId: String(r.procedure_id), minutesAfter: r.minutes_after, describesAt: iso(r.describes_at), enteredAt: iso(r.entered_at),
      late: isLateEntry(r.describes_at, r.entered_at, lateEntryMinutes), score: r.score, context: r.context as PainScoreView['context'],
      side: r.side as PainScoreView['side'], reportedReliefPercent: r.reported_relief_percent,
      reliefPercent: r.minutes_after > 0 && baseline !== null ? percentRelief(baseline, r.score) : null,
      recordedByName: names.get(String(r.recorded_by)) ?? 'Unknown', version: r.version,
      enteredInError: errorMark(r, names),
    };
  });
}
