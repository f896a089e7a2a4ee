import type { Kysely, Selectable } from 'kysely';
import type * as z from 'zod';
import {
  FACET_LEVELS,
  type PlannedProcedureCreateSchema,
  type PlannedProcedureView,
  type ProcedureCreate,
  type Region,
  startOfLocalDay,
} from '../../domain/index.ts';
import { anyOf, compiledOnce } from '../db/compiled-once.ts';
import type { Database, PlannedProceduresTable, ProceduresTable } from '../db/schema.ts';
import { badRequest, HttpProblem, notFound, versionConflict } from '../http-problem.ts';
import { iso, userNames } from './clinical-rows.ts';
import { episodeChecks } from './episode-checks.ts';

type Tx = Kysely<Database>;
type PlannedRow = Selectable<PlannedProceduresTable>;
type PlannedBody = z.output<typeof PlannedProcedureCreateSchema>;

/**
 * The payer-rule dry run for a booked procedure, days before the patient arrives (issue 12). Agent,
 * guidance and sedation are not known at booking; the usual choices stand in and are checked again
 * when the procedure is recorded.
 */
async function bookingChecks(
  tx: Tx,
  row: Pick<PlannedRow, 'episode_id' | 'kind' | 'intent' | 'levels' | 'side' | 'planned_date'>,
  timeZone: string,
) {
  const prospective: ProcedureCreate = {
    kind: row.kind as ProcedureCreate['kind'],
    intent: row.intent as ProcedureCreate['intent'],
    performedAt: new Date(
      startOfLocalDay(row.planned_date, timeZone).getTime() + 12 * 3_600_000,
    ).toISOString(),
    levels: row.levels,
    side: row.side as ProcedureCreate['side'],
    anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
    guidance: 'fluoroscopy',
    sedation: 'none',
  };
  // Every check not met or not yet assessable with this procedure: what a prior authorisation must fix.
  const { checks } = await episodeChecks(tx, String(row.episode_id), { planned: prospective });
  return checks
    .filter((c) => c.status !== 'met' && c.status !== 'not-applicable')
    .map((c) => ({ id: c.id, status: c.status, message: c.message }));
}

const episodesOfPlanned = compiledOnce((db, p: { ids: readonly string[] }) =>
  db.selectFrom('episodes').select(['id', 'patient_id', 'region']).where(anyOf('id', p.ids)),
);
const eventsOfPlanned = compiledOnce((db, p: { ids: readonly string[] }) =>
  db
    .selectFrom('planned_procedure_events')
    .selectAll()
    .where(anyOf('planned_procedure_id', p.ids))
    .orderBy('id'),
);

/** Planned procedures as the API shows them; open ones carry the booking dry run. */
export async function plannedViews(
  tx: Tx,
  rows: PlannedRow[],
  timeZone: string,
): Promise<PlannedProcedureView[]> {
  if (!rows.length) return [];
  const episodes = await episodesOfPlanned(tx, { ids: rows.map((r) => r.episode_id) });
  const byId = new Map(episodes.map((e) => [String(e.id), e]));
  const events = await eventsOfPlanned(tx, { ids: rows.map((r) => r.id) });
  const names = await userNames(tx, [
    ...rows.map((r) => r.performer_id),
    ...events.map((e) => e.by_user),
  ]);
  const views: PlannedProcedureView[] = [];
  for (const r of rows) {
    const episode = byId.get(String(r.episode_id))!;
    views.push({
      id: String(r.id),
      episodeId: String(r.episode_id),
      patientId: String(episode.patient_id),
      region: episode.region as Region,
      kind: r.kind as PlannedProcedureView['kind'],
      intent: r.intent as PlannedProcedureView['intent'],
      plannedDate: r.planned_date,
      levels: r.levels,
      side: r.side as PlannedProcedureView['side'],
      performerId: r.performer_id ? String(r.performer_id) : null,
      performerName: r.performer_id ? (names.get(String(r.performer_id)) ?? null) : null,
      notes: r.notes,
      status: r.status as PlannedProcedureView['status'],
      procedureId: r.procedure_id ? String(r.procedure_id) : null,
      cancelReason: r.cancel_reason,
      baselines: r.baselines.map((b) => ({
        score: b.score,
        context: b.context as 'rest' | 'activity',
        side: b.side as 'left' | 'right' | null,
        describesAt: b.describesAt,
      })),
      checks: r.status === 'planned' ? await bookingChecks(tx, r, timeZone) : [],
      history: events
        .filter((e) => String(e.planned_procedure_id) === String(r.id))
        .map((e) => ({
          at: iso(e.at),
          byName: e.by_user ? (names.get(String(e.by_user)) ?? '') : '',
          action: e.action,
          detail: e.detail,
        })),
      version: r.version,
    });
  }
  return views;
}

/** Writes one line of a booking's history. */
async function plannedEvent(
  tx: Tx,
  id: string,
  action: 'booked' | 'rescheduled' | 'cancelled' | 'performed',
  detail: string | null,
  byUser: string | null,
): Promise<void> {
  await tx
    .insertInto('planned_procedure_events')
    .values({ planned_procedure_id: id, action, detail, by_user: byUser })
    .execute();
}

/** A booking's day: today or later, else a field message (issue 12: no booking in the past). */
function notInPast(plannedDate: string, today: string): void {
  if (plannedDate < today)
    throw badRequest([
      { path: 'plannedDate', message: 'A procedure cannot be booked for a day in the past' },
    ]);
}

/**
 * What a booking must satisfy: an open episode, a day not in the past, levels of the episode's region,
 * a physician performer. Returns the performer (a physician booking for themself by default).
 */
async function validBooking(
  tx: Tx,
  episodeId: string,
  b: PlannedBody,
  user: { id: string; role: string },
  today: string,
): Promise<string> {
  const episode = await tx
    .selectFrom('episodes')
    .select(['region', 'stage'])
    .where('id', '=', episodeId)
    .executeTakeFirst();
  if (!episode) throw notFound('The episode');
  if (episode.stage === 'discharged')
    throw new HttpProblem({
      status: 422,
      title: 'Episode closed',
      code: 'episode-closed',
      detail: 'This episode is discharged; open a new episode to book procedures.',
    });
  notInPast(b.plannedDate, today);
  const allowed = FACET_LEVELS[episode.region as Region];
  const wrong = b.levels
    .map((level, i) => ({ level, i }))
    .filter(({ level }) => !allowed.includes(level));
  if (wrong.length)
    throw badRequest(
      wrong.map(({ level, i }) => ({
        path: `levels.${i}`,
        message: `${level} is not a ${episode.region} level (${allowed[0]} to ${allowed.at(-1)})`,
      })),
    );
  // A nurse books for the physician: the performer must be one; a physician books for themself by default.
  const performerId = b.performerId ?? (user.role === 'physician' ? user.id : null);
  if (!performerId)
    throw badRequest([
      { path: 'performerId', message: 'Choose the physician who will perform it' },
    ]);
  const performer = await tx
    .selectFrom('users')
    .select('role')
    .where('id', '=', performerId)
    .executeTakeFirst();
  if (performer?.role !== 'physician')
    throw badRequest([{ path: 'performerId', message: 'The performer must be a physician' }]);
  return performerId;
}

/** The booking dialog's dry run: the same validation and payer-rule checks as booking, nothing saved. */
export async function bookingDryRun(
  tx: Tx,
  episodeId: string,
  b: PlannedBody,
  user: { id: string; role: string },
  today: string,
  timeZone: string,
): Promise<PlannedProcedureView['checks']> {
  await validBooking(tx, episodeId, b, user, today);
  return bookingChecks(
    tx,
    {
      episode_id: episodeId,
      kind: b.kind,
      intent: b.intent,
      levels: b.levels,
      side: b.side,
      planned_date: b.plannedDate,
    },
    timeZone,
  );
}

/** Books a procedure for a day (see validBooking); its history starts with the booking. */
export async function bookProcedure(
  tx: Tx,
  episodeId: string,
  b: PlannedBody,
  user: { id: string; role: string },
  today: string,
): Promise<PlannedRow> {
  const performerId = await validBooking(tx, episodeId, b, user, today);
  const row = await tx
    .insertInto('planned_procedures')
    .values({
      episode_id: episodeId,
      kind: b.kind,
      intent: b.intent,
      planned_date: b.plannedDate,
      levels: JSON.stringify(b.levels),
      side: b.side,
      performer_id: performerId,
      notes: b.notes,
      created_by: user.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await plannedEvent(tx, String(row.id), 'booked', `For ${row.planned_date}`, user.id);
  return row;
}

/**
 * Moves a booking to another day, not in the past, keeping the old day and the reason in its history.
 * A baseline already taken belongs to its day, so a booking with one is cancelled and booked again instead.
 */
export async function reschedulePlanned(
  tx: Tx,
  id: string,
  body: { version: number; plannedDate: string; reason: string },
  userId: string,
  today: string,
  timeZone: string,
): Promise<PlannedRow> {
  const row = await lockPlanned(tx, id);
  if (row.version !== body.version)
    throw versionConflict((await plannedViews(tx, [row], timeZone))[0]);
  notInPast(body.plannedDate, today);
  if (body.plannedDate === row.planned_date)
    throw badRequest([{ path: 'plannedDate', message: `It is already booked for this day` }]);
  if (row.baselines.length)
    throw badRequest([
      {
        path: 'plannedDate',
        message: 'A baseline is recorded for the booked day: cancel this booking and book again',
      },
    ]);
  const updated = await tx
    .updateTable('planned_procedures')
    .set({ planned_date: body.plannedDate, version: row.version + 1 })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await plannedEvent(
    tx,
    id,
    'rescheduled',
    `${row.planned_date} to ${body.plannedDate}: ${body.reason}`,
    userId,
  );
  return updated;
}

/** Cancels a booking with its reason (kept on the row and in its history). */
export async function cancelPlanned(
  tx: Tx,
  id: string,
  body: { version: number; reason: string },
  userId: string,
  now: Date,
  timeZone: string,
): Promise<PlannedRow> {
  const row = await lockPlanned(tx, id);
  if (row.version !== body.version)
    throw versionConflict((await plannedViews(tx, [row], timeZone))[0]);
  const updated = await tx
    .updateTable('planned_procedures')
    .set({
      status: 'cancelled',
      cancel_reason: body.reason,
      cancelled_at: now,
      cancelled_by: userId,
      version: row.version + 1,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await plannedEvent(tx, id, 'cancelled', body.reason, userId);
  return updated;
}

/** The planned procedure locked for a change; 404 unknown, 409 when it is no longer planned. */
export async function lockPlanned(tx: Tx, id: string): Promise<PlannedRow> {
  const row = await tx
    .selectFrom('planned_procedures')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('The planned procedure');
  if (row.status !== 'planned') {
    throw new HttpProblem({
      status: 409,
      title: 'No longer planned',
      code: 'planned-closed',
      detail: `This procedure is already ${row.status === 'performed' ? 'recorded' : 'cancelled'}.`,
    });
  }
  return row;
}

/** Patient of a planned procedure. */
export async function plannedPatientId(tx: Tx, row: PlannedRow): Promise<string> {
  const e = await tx
    .selectFrom('episodes')
    .select('patient_id')
    .where('id', '=', row.episode_id)
    .executeTakeFirstOrThrow();
  return String(e.patient_id);
}

/**
 * Called when a procedure is recorded from a booking (POST /episodes/:id/procedures with
 * plannedProcedureId): the booking becomes performed and its day's baseline scores become the
 * procedure's baseline, timed at or before the procedure (a baseline is "just before the block").
 */
export async function performPlanned(
  tx: Tx,
  plannedId: string,
  procedure: Selectable<ProceduresTable>,
): Promise<void> {
  const row = await lockPlanned(tx, plannedId);
  if (String(row.episode_id) !== String(procedure.episode_id))
    throw badRequest([
      { path: 'plannedProcedureId', message: 'This booking is for another episode' },
    ]);
  const performed = procedure.performed_at.getTime();
  for (const b of row.baselines) {
    const minutesAfter = Math.max(
      -1440,
      Math.min(0, Math.round((Date.parse(b.describesAt) - performed) / 60_000)),
    );
    await tx
      .insertInto('pain_scores')
      .values({
        procedure_id: procedure.id,
        minutes_after: minutesAfter,
        describes_at: new Date(performed + minutesAfter * 60_000),
        score: b.score,
        context: b.context,
        side: b.side,
        recorded_by: b.recordedBy,
        entered_at: new Date(b.enteredAt),
      })
      .execute();
  }
  await tx
    .updateTable('planned_procedures')
    .set({ status: 'performed', procedure_id: procedure.id, version: row.version + 1 })
    .where('id', '=', plannedId)
    .execute();
  await plannedEvent(tx, plannedId, 'performed', null, procedure.recorded_by);
}
