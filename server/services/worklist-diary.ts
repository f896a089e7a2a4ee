import type { Kysely } from 'kysely';
import {
  diarySchedule,
  localDateOf,
  PROCEDURE_SHORT,
  type ProcedureKind,
  type Region,
} from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { iso } from './clinical-rows.ts';
import { defaultRuleSet, ruleSetById, type StoredRuleSet } from './rule-sets.ts';
import type { SectionedRow, WorklistFilter } from './worklist.ts';

type Tx = Kysely<Database>;

/** "30 min", "4 h", "day 3". */
function diaryLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 1440) return `${minutes / 60} h`;
  return `day ${Math.round(minutes / 1440)}`;
}

/** "3 of 6 points recorded (2 by the patient at home), 3 to go": what the diary holds and what remains. */
function progressText(p: { recorded: number; total: number; byPatient: number }): string {
  const home = p.byPatient ? ` (${p.byPatient} by the patient at home)` : '';
  return `${p.recorded} of ${p.total} points recorded${home}, ${p.total - p.recorded} to go`;
}

/**
 * Diary time points due now: for each recent diagnostic block, the current point when nothing is recorded
 * at it yet (a point passed unrecorded is not chased: the next one is what the nurse can still get).
 * Each row says how far the diary is, counting the scores the patient entered at home (issue 15).
 * These rows are few (blocks of the last day or two), so they are built in memory.
 */
export async function diaryRows(
  tx: Tx,
  now: Date,
  timeZone: string,
  f: WorklistFilter,
): Promise<SectionedRow[]> {
  const fallback = await defaultRuleSet(tx);
  const longest = Math.max(
    ...(await tx.selectFrom('rule_sets').select('settings').execute()).map((r) =>
      Math.max(...(r.settings.diaryMinutes ?? [0])),
    ),
    ...fallback.settings.diaryMinutes,
  );
  let q = tx
    .selectFrom('procedures')
    .innerJoin('episodes', 'episodes.id', 'procedures.episode_id')
    .innerJoin('patients', 'patients.id', 'episodes.patient_id')
    .select([
      'procedures.id',
      'procedures.kind',
      'procedures.performed_at',
      'procedures.performer_id',
      'episodes.id as episode_id',
      'episodes.region',
      'episodes.rule_set_id',
      'patients.id as patient_id',
      'patients.given_name',
      'patients.family_name',
      'patients.mrn',
    ])
    // The post-block diary belongs to diagnostic blocks (domain.md section 2); treatments get follow-ups.
    .where('procedures.intent', '=', 'diagnostic')
    .where('procedures.error_reason', 'is', null)
    .where('procedures.performed_at', '>', new Date(now.getTime() - (longest + 1440) * 60_000))
    .where('procedures.performed_at', '<=', now);
  if (f.providerId) q = q.where('procedures.performer_id', '=', f.providerId);
  if (f.region) q = q.where('episodes.region', '=', f.region);
  const procedures = await q.execute();
  if (!procedures.length) return [];
  const scores = await tx
    .selectFrom('pain_scores')
    .select(['procedure_id', 'minutes_after', 'source'])
    .where(
      'procedure_id',
      'in',
      procedures.map((p) => p.id),
    )
    .where('error_reason', 'is', null)
    .where('follow_up_id', 'is', null)
    .execute();
  const ruleSets = new Map<string, StoredRuleSet>();
  const rows: SectionedRow[] = [];
  for (const p of procedures) {
    const key = p.rule_set_id ? String(p.rule_set_id) : '';
    if (!ruleSets.has(key))
      ruleSets.set(key, (key ? await ruleSetById(tx, key) : null) ?? fallback);
    const own = scores.filter((s) => String(s.procedure_id) === String(p.id));
    const schedule = diarySchedule(
      ruleSets.get(key)!.settings.diaryMinutes,
      p.performed_at,
      own.map((s) => s.minutes_after),
      now,
    );
    const current = schedule.find((s) => s.status === 'due' && s.minutesAfter > 0);
    if (!current) continue;
    const after = schedule.filter((s) => s.minutesAfter > 0);
    // A point counts once however many scores (rest, activity, sides) it holds.
    const byPatient = new Set(
      own.filter((s) => s.source === 'patient' && s.minutes_after > 0).map((s) => s.minutes_after),
    );
    const progress = {
      recorded: after.filter((s) => s.status === 'done').length,
      total: after.length,
      byPatient: after.filter((s) => s.status === 'done' && byPatient.has(s.minutesAfter)).length,
    };
    const at = new Date(p.performed_at.getTime() + current.minutesAfter * 60_000);
    rows.push({
      key: `diary:${p.id}:${current.minutesAfter}`,
      kind: 'diary',
      patientId: String(p.patient_id),
      patientName: `${p.family_name}, ${p.given_name}`,
      mrn: p.mrn,
      dueDate: localDateOf(at, timeZone),
      dueAt: iso(at),
      what: `Diary ${diaryLabel(current.minutesAfter)} after ${PROCEDURE_SHORT[p.kind as ProcedureKind]}: ${progressText(progress)}`,
      region: p.region as Region,
      providerId: p.performer_id ? String(p.performer_id) : null,
      providerName: null,
      procedureId: String(p.id),
      followUpId: null,
      plannedProcedureId: null,
      episodeId: String(p.episode_id),
      followUpKind: null,
      attempts: 0,
      diaryProgress: progress,
      section: 'dueToday',
      overdueSince: null,
    });
  }
  return rows.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
}
