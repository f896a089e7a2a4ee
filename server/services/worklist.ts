import type { Kysely } from 'kysely';
import {
  addDays,
  diarySchedule,
  followUpSection,
  overdueSince,
  plannedProcedureSection,
  PROCEDURE_SHORT,
  type ProcedureKind,
  type Region,
  startOfLocalDay,
  UPCOMING_DAYS,
  type WorklistRow,
  type WorklistSection,
  localDateOf,
} from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { iso, userNames } from './clinical-rows.ts';
import { defaultRuleSet, ruleSetById, type StoredRuleSet } from './rule-sets.ts';

type Tx = Kysely<Database>;
export interface WorklistFilter {
  providerId?: string | undefined;
  region?: Region | undefined;
}
export type SectionedRow = WorklistRow & { section: WorklistSection; overdueSince: string | null };

const name = (p: { given_name: string; family_name: string }) =>
  `${p.family_name}, ${p.given_name}`;

/** Open follow-ups due up to a week ahead (and every overdue one), on valid procedures. */
async function followUpRows(tx: Tx, today: string, f: WorklistFilter): Promise<SectionedRow[]> {
  let q = tx
    .selectFrom('follow_ups')
    .innerJoin('procedures', 'procedures.id', 'follow_ups.procedure_id')
    .innerJoin('episodes', 'episodes.id', 'procedures.episode_id')
    .innerJoin('patients', 'patients.id', 'episodes.patient_id')
    .select([
      'follow_ups.id',
      'follow_ups.label',
      'follow_ups.due_date',
      'follow_ups.window_days',
      'follow_ups.kind',
      'follow_ups.attempts',
      'procedures.id as procedure_id',
      'procedures.kind as procedure_kind',
      'procedures.performer_id',
      'episodes.id as episode_id',
      'episodes.region',
      'patients.id as patient_id',
      'patients.given_name',
      'patients.family_name',
      'patients.mrn',
    ])
    .where('follow_ups.status', '=', 'due')
    .where('procedures.error_reason', 'is', null)
    .where('follow_ups.due_date', '<=', addDays(today, UPCOMING_DAYS));
  if (f.providerId) q = q.where('procedures.performer_id', '=', f.providerId);
  if (f.region) q = q.where('episodes.region', '=', f.region);
  return (await q.execute()).map((r) => ({
    key: `follow-up:${r.id}`,
    kind: 'follow-up',
    patientId: String(r.patient_id),
    patientName: name(r),
    mrn: r.mrn,
    dueDate: r.due_date,
    dueAt: '',
    what: `${r.label} ${r.kind} after ${PROCEDURE_SHORT[r.procedure_kind as ProcedureKind]}${r.attempts ? ` (${r.attempts} unanswered)` : ''}`,
    region: r.region as Region,
    providerId: r.performer_id ? String(r.performer_id) : null,
    providerName: null,
    procedureId: String(r.procedure_id),
    followUpId: String(r.id),
    plannedProcedureId: null,
    episodeId: String(r.episode_id),
    followUpKind: r.kind as 'call' | 'visit',
    attempts: r.attempts,
    section: followUpSection(r.due_date, r.window_days, today),
    overdueSince: overdueSince(r.due_date, r.window_days),
  }));
}

/** Booked procedures up to a week ahead, and passed days never recorded or cancelled. */
async function plannedRows(tx: Tx, today: string, f: WorklistFilter): Promise<SectionedRow[]> {
  let q = tx
    .selectFrom('planned_procedures')
    .innerJoin('episodes', 'episodes.id', 'planned_procedures.episode_id')
    .innerJoin('patients', 'patients.id', 'episodes.patient_id')
    .select([
      'planned_procedures.id',
      'planned_procedures.kind',
      'planned_procedures.planned_date',
      'planned_procedures.performer_id',
      'planned_procedures.baselines',
      'planned_procedures.levels',
      'episodes.id as episode_id',
      'episodes.region',
      'patients.id as patient_id',
      'patients.given_name',
      'patients.family_name',
      'patients.mrn',
    ])
    .where('planned_procedures.status', '=', 'planned')
    .where('planned_procedures.planned_date', '<=', addDays(today, UPCOMING_DAYS));
  if (f.providerId) q = q.where('planned_procedures.performer_id', '=', f.providerId);
  if (f.region) q = q.where('episodes.region', '=', f.region);
  return (await q.execute()).map((r) => ({
    key: `procedure:${r.id}`,
    kind: 'procedure',
    patientId: String(r.patient_id),
    patientName: name(r),
    mrn: r.mrn,
    dueDate: r.planned_date,
    dueAt: '',
    what: `${PROCEDURE_SHORT[r.kind as ProcedureKind]} ${r.levels.join(', ')}: ${r.baselines.length ? 'baseline recorded, to be performed' : 'baseline score due'}`,
    region: r.region as Region,
    providerId: r.performer_id ? String(r.performer_id) : null,
    providerName: null,
    procedureId: null,
    followUpId: null,
    plannedProcedureId: String(r.id),
    episodeId: String(r.episode_id),
    followUpKind: null,
    attempts: 0,
    section: plannedProcedureSection(r.planned_date, today),
    overdueSince: addDays(r.planned_date, 1),
  }));
}

/**
 * Diary time points due now: for each recent diagnostic block, the current point when nothing is recorded
 * at it yet (a point passed unrecorded is not chased: the next one is what the nurse can still get).
 */
async function diaryRows(
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
    .select(['procedure_id', 'minutes_after'])
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
    const done = scores
      .filter((s) => String(s.procedure_id) === String(p.id))
      .map((s) => s.minutes_after);
    const schedule = diarySchedule(
      ruleSets.get(key)!.settings.diaryMinutes,
      p.performed_at,
      done,
      now,
    );
    const current = schedule.find((s) => s.status === 'due' && s.minutesAfter > 0);
    if (!current) continue;
    const at = new Date(p.performed_at.getTime() + current.minutesAfter * 60_000);
    rows.push({
      key: `diary:${p.id}:${current.minutesAfter}`,
      kind: 'diary',
      patientId: String(p.patient_id),
      patientName: name(p),
      mrn: p.mrn,
      dueDate: localDateOf(at, timeZone),
      dueAt: iso(at),
      what: `Diary ${diaryLabel(current.minutesAfter)} after ${PROCEDURE_SHORT[p.kind as ProcedureKind]}`,
      region: p.region as Region,
      providerId: p.performer_id ? String(p.performer_id) : null,
      providerName: null,
      procedureId: String(p.id),
      followUpId: null,
      plannedProcedureId: null,
      episodeId: String(p.episode_id),
      followUpKind: null,
      attempts: 0,
      section: 'dueToday',
      overdueSince: null,
    });
  }
  return rows;
}

/** "30 min", "4 h", "day 3". */
function diaryLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 1440) return `${minutes / 60} h`;
  return `day ${Math.round(minutes / 1440)}`;
}

/**
 * Everything open for the nurse on `today` (local date in `timeZone`), each row in its section and
 * sorted by urgency: the longest-overdue first, then by due time.
 */
export async function worklistRows(
  tx: Tx,
  today: string,
  now: Date,
  timeZone: string,
  f: WorklistFilter,
): Promise<SectionedRow[]> {
  const rows = [
    ...(await plannedRows(tx, today, f)),
    ...(await followUpRows(tx, today, f)),
    ...(await diaryRows(tx, now, timeZone, f)),
  ].filter((r) => r.section !== 'later');
  const names = await userNames(
    tx,
    rows.map((r) => r.providerId),
  );
  for (const r of rows) {
    r.providerName = r.providerId ? (names.get(r.providerId) ?? null) : null;
    if (!r.dueAt) r.dueAt = startOfLocalDay(r.dueDate, timeZone).toISOString();
  }
  const kindOrder = { procedure: 0, diary: 1, 'follow-up': 2 } as const;
  return rows.sort(
    (a, b) =>
      a.dueAt.localeCompare(b.dueAt) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      a.patientName.localeCompare(b.patientName),
  );
}

/** Strips the internal fields off a row. */
export function publicRow({ section: _s, overdueSince: _o, ...row }: SectionedRow): WorklistRow {
  return row;
}
