import type { Kysely, Selectable } from 'kysely';
import type * as z from 'zod';
import { localDateOf, type PlannedBaselineSchema } from '../../domain/index.ts';
import { compiledOnce } from '../db/compiled-once.ts';
import type { Database, PlannedProceduresTable } from '../db/schema.ts';
import { badRequest } from '../http-problem.ts';
import { lockPlanned } from './planned-procedures.ts';

type Tx = Kysely<Database>;
type PlannedRow = Selectable<PlannedProceduresTable>;
type BaselineBody = z.output<typeof PlannedBaselineSchema>;

/** An episode's planned procedures, newest day first. */
export async function episodePlanned(tx: Tx, episodeId: string): Promise<PlannedRow[]> {
  return plannedOf(tx, { id: episodeId });
}
const plannedOf = compiledOnce((db, p: { id: string }) =>
  db
    .selectFrom('planned_procedures')
    .selectAll()
    .where('episode_id', '=', p.id)
    .orderBy('planned_date', 'desc')
    .orderBy('id', 'desc'),
);

/** One planned procedure, or undefined (the route answers 404). */
export async function plannedById(tx: Tx, id: string): Promise<PlannedRow | undefined> {
  return tx.selectFrom('planned_procedures').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The baseline on the day, before the procedure row exists; it becomes the procedure's baseline.
 * Returns the row as locked (for its patient) and as updated (for the view).
 */
export async function recordPlannedBaseline(
  tx: Tx,
  id: string,
  b: BaselineBody,
  userId: string,
  now: Date,
  timeZone: string,
): Promise<{ before: PlannedRow; updated: PlannedRow }> {
  const row = await lockPlanned(tx, id);
  if (row.planned_date !== localDateOf(now, timeZone))
    throw badRequest([
      {
        path: '',
        message: `The baseline is taken on the day of the procedure (${row.planned_date})`,
      },
    ]);
  if (b.side && row.side !== 'bilateral')
    throw badRequest([
      { path: 'side', message: 'Left and right scores are for bilateral procedures only' },
    ]);
  // One baseline per context and side: a new one replaces the earlier one of the day (both stay in the audit trail).
  const baselines = [
    ...row.baselines.filter((x) => !(x.context === b.context && x.side === b.side)),
    {
      score: b.score,
      context: b.context,
      side: b.side,
      describesAt: now.toISOString(),
      recordedBy: userId,
      enteredAt: now.toISOString(),
    },
  ];
  const updated = await tx
    .updateTable('planned_procedures')
    .set({ baselines: JSON.stringify(baselines), version: row.version + 1 })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before: row, updated };
}

/** Who can perform a booking: active physicians, names only. */
export async function activePhysicians(db: Tx): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('role', '=', 'physician')
    .where('active', '=', true)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: String(r.id), name: r.name }));
}
