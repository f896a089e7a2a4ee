import { type Kysely, sql } from 'kysely';
import {
  addDays,
  overdueSince,
  PROCEDURE_SHORT,
  type ProcedureKind,
  type Region,
  startOfLocalDay,
  UPCOMING_DAYS,
  type WorklistRow,
  type WorklistSection,
} from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { userNames } from './clinical-rows.ts';
import { diaryRows } from './worklist-diary.ts';

type Tx = Kysely<Database>;
export interface WorklistFilter {
  providerId?: string | undefined;
  region?: Region | undefined;
}
export type SectionedRow = WorklistRow & { section: WorklistSection; overdueSince: string | null };
export type ShownSection = Exclude<WorklistSection, 'later'>;
export const SECTIONS = ['overdue', 'dueToday', 'upcoming'] as const satisfies ShownSection[];

/**
 * Open follow-ups (on valid procedures) and bookings still planned, due up to a week ahead or overdue,
 * as one SQL union with each row's section, so the worklist is counted and paged by the database.
 * The CASE expressions are domain followUpSection and plannedProcedureSection in SQL (a spec checks
 * they agree).
 */
function openItems(tx: Tx, today: string, f: WorklistFilter) {
  const horizon = addDays(today, UPCOMING_DAYS);
  let followUps = tx
    .selectFrom('follow_ups')
    .innerJoin('procedures', 'procedures.id', 'follow_ups.procedure_id')
    .innerJoin('episodes', 'episodes.id', 'procedures.episode_id')
    .innerJoin('patients', 'patients.id', 'episodes.patient_id')
    .select([
      sql<'follow-up' | 'procedure'>`'follow-up'`.as('row_kind'),
      // Ties on a day: bookings (the patient is in the building) before calls.
      sql<number>`2`.as('kind_order'),
      sql<string>`follow_ups.id`.as('id'),
      sql<string | null>`follow_ups.label`.as('label'),
      sql<string>`follow_ups.due_date`.as('due_date'),
      sql<number>`follow_ups.window_days`.as('window_days'),
      sql<string | null>`follow_ups.kind`.as('contact_kind'),
      sql<number>`follow_ups.attempts`.as('attempts'),
      sql<string | null>`procedures.id`.as('procedure_id'),
      sql<string>`procedures.kind`.as('procedure_kind'),
      sql<string[] | null>`null::jsonb`.as('levels'),
      sql<number>`0`.as('baseline_count'),
      sql<string | null>`procedures.performer_id`.as('performer_id'),
      sql<string>`episodes.id`.as('episode_id'),
      sql<string>`episodes.region`.as('region'),
      sql<string>`patients.id`.as('patient_id'),
      sql<string>`patients.given_name`.as('given_name'),
      sql<string>`patients.family_name`.as('family_name'),
      sql<string>`patients.mrn`.as('mrn'),
      // domain followUpSection: overdue once the window has closed, due from the due date.
      sql<ShownSection>`case when follow_ups.due_date + follow_ups.window_days < ${today}::date then 'overdue' when follow_ups.due_date <= ${today}::date then 'dueToday' else 'upcoming' end`.as(
        'section',
      ),
    ])
    .where('follow_ups.status', '=', 'due')
    .where('procedures.error_reason', 'is', null)
    .where('follow_ups.due_date', '<=', horizon);
  if (f.providerId) followUps = followUps.where('procedures.performer_id', '=', f.providerId);
  if (f.region) followUps = followUps.where('episodes.region', '=', f.region);

  let planned = tx
    .selectFrom('planned_procedures')
    .innerJoin('episodes', 'episodes.id', 'planned_procedures.episode_id')
    .innerJoin('patients', 'patients.id', 'episodes.patient_id')
    .select([
      sql<'follow-up' | 'procedure'>`'procedure'`.as('row_kind'),
      sql<number>`0`.as('kind_order'),
      sql<string>`planned_procedures.id`.as('id'),
      sql<string | null>`null::text`.as('label'),
      sql<string>`planned_procedures.planned_date`.as('due_date'),
      sql<number>`0`.as('window_days'),
      sql<string | null>`null::text`.as('contact_kind'),
      sql<number>`0`.as('attempts'),
      sql<string | null>`null::bigint`.as('procedure_id'),
      sql<string>`planned_procedures.kind`.as('procedure_kind'),
      sql<string[] | null>`planned_procedures.levels`.as('levels'),
      sql<number>`jsonb_array_length(planned_procedures.baselines)`.as('baseline_count'),
      sql<string | null>`planned_procedures.performer_id`.as('performer_id'),
      sql<string>`episodes.id`.as('episode_id'),
      sql<string>`episodes.region`.as('region'),
      sql<string>`patients.id`.as('patient_id'),
      sql<string>`patients.given_name`.as('given_name'),
      sql<string>`patients.family_name`.as('family_name'),
      sql<string>`patients.mrn`.as('mrn'),
      // domain plannedProcedureSection: a passed day never recorded or cancelled is overdue.
      sql<ShownSection>`case when planned_procedures.planned_date < ${today}::date then 'overdue' when planned_procedures.planned_date = ${today}::date then 'dueToday' else 'upcoming' end`.as(
        'section',
      ),
    ])
    .where('planned_procedures.status', '=', 'planned')
    .where('planned_procedures.planned_date', '<=', horizon);
  if (f.providerId) planned = planned.where('planned_procedures.performer_id', '=', f.providerId);
  if (f.region) planned = planned.where('episodes.region', '=', f.region);
  return tx.selectFrom(planned.unionAll(followUps).as('w'));
}

type Item = Awaited<ReturnType<ReturnType<typeof ordered>['execute']>>[number];

/** One union row as the API shows it (provider name and due instant are filled in afterwards). */
function rowOf(r: Item): SectionedRow {
  const base = {
    patientId: String(r.patient_id),
    patientName: `${r.family_name}, ${r.given_name}`,
    mrn: r.mrn,
    dueDate: r.due_date,
    dueAt: '',
    region: r.region as Region,
    providerId: r.performer_id ? String(r.performer_id) : null,
    providerName: null,
    episodeId: String(r.episode_id),
    diaryProgress: null,
    section: r.section,
  };
  const short = PROCEDURE_SHORT[r.procedure_kind as ProcedureKind];
  if (r.row_kind === 'follow-up')
    return {
      ...base,
      key: `follow-up:${r.id}`,
      kind: 'follow-up',
      what: `${r.label} ${r.contact_kind} after ${short}${r.attempts ? ` (${r.attempts} unanswered)` : ''}`,
      procedureId: String(r.procedure_id),
      followUpId: String(r.id),
      plannedProcedureId: null,
      followUpKind: r.contact_kind as 'call' | 'visit',
      attempts: r.attempts,
      overdueSince: overdueSince(r.due_date, r.window_days),
    };
  return {
    ...base,
    key: `procedure:${r.id}`,
    kind: 'procedure',
    what: `${short} ${(r.levels ?? []).join(', ')}: ${r.baseline_count ? 'baseline recorded, to be performed' : 'baseline score due'}`,
    procedureId: null,
    followUpId: null,
    plannedProcedureId: String(r.id),
    followUpKind: null,
    attempts: 0,
    overdueSince: addDays(r.due_date, 1),
  };
}

/** Urgency order within a section: the oldest due day first, bookings before calls, then by name. */
function ordered(q: ReturnType<typeof openItems>) {
  return q
    .selectAll()
    .orderBy('due_date')
    .orderBy('kind_order')
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id');
}

/** Provider names and the due instant (start of the local day) of rows about to be shown. */
async function finish(tx: Tx, rows: SectionedRow[], timeZone: string): Promise<SectionedRow[]> {
  const names = await userNames(
    tx,
    rows.map((r) => r.providerId),
  );
  for (const r of rows) {
    r.providerName = r.providerId ? (names.get(r.providerId) ?? null) : null;
    if (!r.dueAt) r.dueAt = startOfLocalDay(r.dueDate, timeZone).toISOString();
  }
  return rows;
}

/**
 * Everything open for the nurse on `today` (local date in `timeZone`), each row in its section and
 * in urgency order; the day's diary points close the Due today section, in time order.
 */
export async function worklistRows(
  tx: Tx,
  today: string,
  now: Date,
  timeZone: string,
  f: WorklistFilter,
): Promise<SectionedRow[]> {
  const items = (await ordered(openItems(tx, today, f)).execute()).map(rowOf);
  const diary = await diaryRows(tx, now, timeZone, f);
  const rows = SECTIONS.flatMap((s) => [
    ...items.filter((r) => r.section === s),
    ...diary.filter((r) => r.section === s),
  ]);
  return finish(tx, rows, timeZone);
}

export interface SectionPage {
  rows: SectionedRow[];
  total: number;
  page: number;
}

/**
 * One page per section, counted and cut in SQL (issue 12: the list stays fast with hundreds of rows);
 * a page past the end shows the last one. Same order as worklistRows.
 */
export async function worklistPages(
  tx: Tx,
  today: string,
  now: Date,
  timeZone: string,
  f: WorklistFilter,
  pages: Record<ShownSection, number>,
  pageSize: number,
): Promise<Record<ShownSection, SectionPage>> {
  const counts = await openItems(tx, today, f)
    .select(['section', sql<number>`count(*)::int`.as('n')])
    .groupBy('section')
    .execute();
  const diary = await diaryRows(tx, now, timeZone, f);
  const out = {} as Record<ShownSection, SectionPage>;
  for (const s of SECTIONS) {
    const inSql = counts.find((c) => c.section === s)?.n ?? 0;
    const tail = diary.filter((r) => r.section === s);
    const total = inSql + tail.length;
    const page = Math.min(pages[s], Math.max(1, Math.ceil(total / pageSize)));
    const offset = (page - 1) * pageSize;
    const fromSql =
      offset < inSql
        ? (
            await ordered(openItems(tx, today, f))
              .where('section', '=', s)
              .limit(pageSize)
              .offset(offset)
              .execute()
          ).map(rowOf)
        : [];
    const rest = pageSize - fromSql.length;
    const fromTail = tail.slice(Math.max(0, offset - inSql), Math.max(0, offset - inSql) + rest);
    out[s] = { rows: await finish(tx, [...fromSql, ...fromTail], timeZone), total, page };
  }
  return out;
}

/** Strips the internal fields off a row. */
export function publicRow({ section: _s, overdueSince: _o, ...row }: SectionedRow): WorklistRow {
  return row;
}

/** Active physicians, by name: the worklist's provider filter. */
export function activePhysicians(tx: Kysely<Database>): Promise<{ id: string; name: string }[]> {
  return tx
    .selectFrom('users')
    .select(['id', 'name'])
    .where('role', '=', 'physician')
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}
