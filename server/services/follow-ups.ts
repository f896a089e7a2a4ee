import type { Kysely, Selectable } from 'kysely';
import type * as z from 'zod';
import {
  followUpSchedule,
  type FollowUpKind,
  type FollowUpResultSchema,
  type FollowUpStatus,
  type FollowUpView,
  localDateOf,
  outsideWindow,
  percentRelief,
  type RuleSetSettings,
  statusAfterNoAnswer,
} from '../../domain/index.ts';
import type { Database, FollowUpsTable, ProceduresTable } from '../db/schema.ts';
import { HttpProblem, notFound, versionConflict } from '../http-problem.ts';
import { iso, userNames } from './clinical-rows.ts';

type Tx = Kysely<Database>;
type FollowUpRow = Selectable<FollowUpsTable>;
/** The parsed body of POST /follow-ups/:id/result. */
type ResultBody = z.output<typeof FollowUpResultSchema>;

/** Writes the schedule of a newly recorded procedure (issue 12: from the rule set's follow-up points). */
export async function createFollowUps(
  tx: Tx,
  procedure: Selectable<ProceduresTable>,
  rules: RuleSetSettings,
  timeZone: string,
  byUser: string,
): Promise<void> {
  const planned = followUpSchedule(
    {
      kind: procedure.kind,
      intent: procedure.intent as 'diagnostic' | 'therapeutic',
      performedAt: procedure.performed_at,
    },
    rules,
    timeZone,
  );
  for (const f of planned) {
    const row = await tx
      .insertInto('follow_ups')
      .values({
        procedure_id: procedure.id,
        label: f.label,
        due_date: f.dueDate,
        window_days: f.windowDays,
        kind: f.kind,
        max_attempts: rules.followUpMaxAttempts,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('follow_up_events')
      .values({
        follow_up_id: row.id,
        action: 'created',
        detail: `Due ${f.dueDate}`,
        by_user: byUser,
      })
      .execute();
  }
}

/** A procedure marked entered in error cancels its open follow-ups, with that reason (issue 12). */
export async function cancelOpenFollowUps(
  tx: Tx,
  procedureId: string,
  reason: string,
  byUser: string,
): Promise<void> {
  const open = await tx
    .updateTable('follow_ups')
    .set((eb) => ({
      status: 'cancelled',
      cancel_reason: `Procedure entered in error: ${reason}`,
      version: eb('version', '+', 1),
    }))
    .where('procedure_id', '=', procedureId)
    .where('status', '=', 'due')
    .returning('id')
    .execute();
  for (const f of open)
    await tx
      .insertInto('follow_up_events')
      .values({
        follow_up_id: f.id,
        action: 'cancelled',
        detail: 'Procedure entered in error',
        by_user: byUser,
      })
      .execute();
}

/** A procedure's follow-ups, soonest first, as the API shows them. */
export async function procedureFollowUpViews(tx: Tx, procedureId: string): Promise<FollowUpView[]> {
  const rows = await tx
    .selectFrom('follow_ups')
    .selectAll()
    .where('procedure_id', '=', procedureId)
    .orderBy('due_date')
    .orderBy('id')
    .execute();
  return followUpViews(tx, rows);
}

/** One follow-up as the API shows it, or 404. */
export async function followUpView(tx: Tx, id: string): Promise<FollowUpView> {
  const row = await tx.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The follow-up');
  const [view] = await followUpViews(tx, [row]);
  return view!;
}

/** Follow-ups as the API shows them, with their history. */
export async function followUpViews(tx: Tx, rows: FollowUpRow[]): Promise<FollowUpView[]> {
  if (!rows.length) return [];
  const events = await tx
    .selectFrom('follow_up_events')
    .selectAll()
    .where(
      'follow_up_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  const procedures = await tx
    .selectFrom('procedures')
    .innerJoin('episodes', 'episodes.id', 'procedures.episode_id')
    .select(['procedures.id', 'episodes.patient_id'])
    .where(
      'procedures.id',
      'in',
      rows.map((r) => r.procedure_id),
    )
    .execute();
  const patientOf = new Map(procedures.map((p) => [String(p.id), String(p.patient_id)]));
  const names = await userNames(tx, [
    ...rows.map((r) => r.done_by),
    ...events.map((e) => e.by_user),
  ]);
  return rows.map((r) => ({
    id: String(r.id),
    procedureId: String(r.procedure_id),
    patientId: patientOf.get(String(r.procedure_id)) ?? '',
    label: r.label,
    dueDate: r.due_date,
    windowDays: r.window_days,
    kind: r.kind as FollowUpKind,
    status: r.status as FollowUpStatus,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    doneAt: r.done_at ? iso(r.done_at) : null,
    doneByName: r.done_by ? (names.get(String(r.done_by)) ?? 'Unknown') : null,
    cancelReason: r.cancel_reason,
    result: (r.result as FollowUpView['result']) ?? null,
    history: events
      .filter((e) => String(e.follow_up_id) === String(r.id))
      .map((e) => ({
        at: iso(e.at),
        byName: e.by_user ? (names.get(String(e.by_user)) ?? 'Unknown') : 'System',
        action: e.action,
        detail: e.detail,
      })),
    version: r.version,
  }));
}

/** The follow-up locked for a change, with its procedure; 404 when unknown. */
async function lockFollowUp(tx: Tx, id: string) {
  // FOR UPDATE: two nurses saving the same follow-up queue here; the second then sees it done.
  const row = await tx
    .selectFrom('follow_ups')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('The follow-up');
  const procedure = await tx
    .selectFrom('procedures')
    .selectAll()
    .where('id', '=', row.procedure_id)
    .executeTakeFirstOrThrow();
  return { row, procedure };
}

/** 409 naming who closed the follow-up and when (issue 12: never recorded twice). */
async function refuseClosed(tx: Tx, row: FollowUpRow): Promise<never> {
  const names = await userNames(tx, [row.done_by]);
  const who = row.done_by ? (names.get(String(row.done_by)) ?? 'another user') : 'another user';
  const when = row.done_at ? iso(row.done_at) : null;
  const detail =
    row.status === 'cancelled'
      ? `This follow-up was cancelled${row.cancel_reason ? ` (${row.cancel_reason})` : ''}.`
      : `This follow-up was already ${row.status === 'done' ? 'recorded' : 'marked missed'} by ${who}${when ? ` at ${when}` : ''}.`;
  throw new HttpProblem({
    status: 409,
    title: 'Follow-up already closed',
    code: 'follow-up-closed',
    detail,
    current: { status: row.status, byName: who, at: when },
  });
}

/**
 * Records a follow-up's result, or a "no answer" attempt. NRS scores become pain scores of the
 * procedure marked with the follow-up, so relief-duration checks read them (issue 12).
 */
export async function recordFollowUpResult(
  tx: Tx,
  id: string,
  b: ResultBody,
  user: { id: string },
  now: Date,
  timeZone: string,
): Promise<{ view: FollowUpView; patientId: string; procedureId: string }> {
  const { row, procedure } = await lockFollowUp(tx, id);
  if (row.status !== 'due') await refuseClosed(tx, row);
  if (procedure.error_reason)
    throw new HttpProblem({
      status: 409,
      title: 'Procedure entered in error',
      code: 'entered-in-error',
      detail: 'This procedure is marked entered in error; its follow-ups are closed.',
    });
  if (b.outcome === 'no-answer') {
    const attempts = row.attempts + 1;
    const status = statusAfterNoAnswer(attempts, row.max_attempts);
    await tx
      .updateTable('follow_ups')
      .set({
        attempts,
        status,
        version: row.version + 1,
        ...(status === 'missed' ? { done_at: now, done_by: user.id } : {}),
      })
      .where('id', '=', id)
      .execute();
    await tx
      .insertInto('follow_up_events')
      .values({
        follow_up_id: id,
        action: status === 'missed' ? 'missed' : 'no-answer',
        detail: `Attempt ${attempts} of ${row.max_attempts}`,
        by_user: user.id,
        at: now,
      })
      .execute();
  } else {
    const baselines = await tx
      .selectFrom('pain_scores')
      .select(['score', 'context'])
      .where('procedure_id', '=', procedure.id)
      .where('error_reason', 'is', null)
      .where('minutes_after', '<=', 0)
      .where('side', 'is', null)
      .orderBy('minutes_after', 'desc')
      .execute();
    const baselineOf = (context: string) => baselines.find((s) => s.context === context)?.score;
    const relief = (context: string, score: number | null) => {
      const base = baselineOf(context);
      return score === null || base === undefined ? null : percentRelief(base, score);
    };
    const result: FollowUpView['result'] = {
      painRest: b.painRest,
      painActivity: b.painActivity,
      reportedReliefPercent: b.reportedReliefPercent,
      reliefRestPercent: relief('rest', b.painRest),
      reliefActivityPercent: relief('activity', b.painActivity),
      functionScore: b.functionScore,
      running: b.running,
      complications: b.complications,
      redFlags: b.redFlags,
      note: b.note,
      outsideWindow: outsideWindow(row.due_date, row.window_days, localDateOf(now, timeZone)), // allowed, but flagged
    };
    const minutesAfter = Math.max(
      1,
      Math.round((now.getTime() - procedure.performed_at.getTime()) / 60_000),
    );
    for (const [context, score] of [
      ['rest', b.painRest],
      ['activity', b.painActivity],
    ] as const) {
      if (score === null) continue;
      await tx
        .insertInto('pain_scores')
        .values({
          procedure_id: procedure.id,
          minutes_after: minutesAfter,
          describes_at: now,
          score,
          context,
          reported_relief_percent: b.reportedReliefPercent,
          recorded_by: user.id,
          follow_up_id: id,
          entered_at: now,
        })
        .execute();
    }
    await tx
      .updateTable('follow_ups')
      .set({
        status: 'done',
        result: JSON.stringify(result),
        done_at: now,
        done_by: user.id,
        attempts: row.attempts + 1,
        version: row.version + 1,
      })
      .where('id', '=', id)
      .execute();
    await tx
      .insertInto('follow_up_events')
      .values({
        follow_up_id: id,
        action: 'done',
        detail: result.outsideWindow ? 'Outside the window' : null,
        by_user: user.id,
        at: now,
      })
      .execute();
  }
  const fresh = await tx
    .selectFrom('follow_ups')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const [view] = await followUpViews(tx, [fresh]);
  return { view: view!, patientId: view!.patientId, procedureId: String(procedure.id) };
}

/** Moves an open follow-up's due date or cancels it; the old date and the reason stay in its history. */
export async function changeFollowUp(
  tx: Tx,
  id: string,
  change: { version: number; reason: string; dueDate?: string },
  user: { id: string },
): Promise<FollowUpView> {
  const { row } = await lockFollowUp(tx, id);
  if (row.status !== 'due') await refuseClosed(tx, row);
  if (row.version !== change.version) throw versionConflict((await followUpViews(tx, [row]))[0]);
  if (change.dueDate) {
    await tx
      .updateTable('follow_ups')
      .set({ due_date: change.dueDate, version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await tx
      .insertInto('follow_up_events')
      .values({
        follow_up_id: id,
        action: 'rescheduled',
        detail: `${row.due_date} -> ${change.dueDate}: ${change.reason}`,
        by_user: user.id,
      })
      .execute();
  } else {
    await tx
      .updateTable('follow_ups')
      .set({
        status: 'cancelled',
        cancel_reason: change.reason,
        done_at: new Date(),
        done_by: user.id,
        version: row.version + 1,
      })
      .where('id', '=', id)
      .execute();
    await tx
      .insertInto('follow_up_events')
      .values({ follow_up_id: id, action: 'cancelled', detail: change.reason, by_user: user.id })
      .execute();
  }
  const fresh = await tx
    .selectFrom('follow_ups')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return (await followUpViews(tx, [fresh]))[0]!;
}
