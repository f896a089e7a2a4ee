import type { Kysely } from 'kysely';
import { anyOf, compiledOnce } from '../db/compiled-once.ts';
import type { Database } from '../db/schema.ts';
import { notFound } from '../http-problem.ts';

const episodeRow = compiledOnce((db, p: { id: string }) =>
  db.selectFrom('episodes').selectAll().where('id', '=', p.id),
);
/** The episode's row, or undefined. */
export const episodeById = async (db: Kysely<Database>, id: string) =>
  (await episodeRow(db, { id }))[0];

/** A procedure's valid pain scores, by minutes after it. */
export const validScoresOfProcedure = compiledOnce((db, p: { id: string }) =>
  db
    .selectFrom('pain_scores')
    .selectAll()
    .where('procedure_id', '=', p.id)
    .where('error_reason', 'is', null)
    .orderBy('minutes_after'),
);
/** An episode's valid procedures, oldest first. */
export const validProceduresOf = compiledOnce((db, p: { id: string }) =>
  db
    .selectFrom('procedures')
    .selectAll()
    .where('episode_id', '=', p.id)
    .where('error_reason', 'is', null)
    .orderBy('performed_at'),
);

const episodeOwner = compiledOnce((db, p: { id: string }) =>
  db.selectFrom('episodes').select(['patient_id', 'stage', 'version']).where('id', '=', p.id),
);
const namesOf = compiledOnce((db, p: { ids: readonly string[] }) =>
  db.selectFrom('users').select(['id', 'name']).where(anyOf('id', p.ids)),
);

/** The episode's patient id, or 404. */
export async function episodePatientId(
  db: Kysely<Database>,
  episodeId: string,
): Promise<{ patientId: string; stage: string; version: number }> {
  const [row] = await episodeOwner(db, { id: episodeId });
  if (!row) throw notFound('The episode');
  return { patientId: String(row.patient_id), stage: row.stage, version: row.version };
}

/** 404 unless the patient exists. */
export async function requirePatient(db: Kysely<Database>, patientId: string): Promise<void> {
  const row = await db
    .selectFrom('patients')
    .select('id')
    .where('id', '=', patientId)
    .executeTakeFirst();
  if (!row) throw notFound('The patient');
}

/** The procedure's patient id (through its episode), or 404. */
export async function procedurePatientId(
  db: Kysely<Database>,
  procedureId: string,
): Promise<string> {
  const owner = await db
    .selectFrom('procedures as p')
    .innerJoin('episodes as e', 'e.id', 'p.episode_id')
    .select('e.patient_id')
    .where('p.id', '=', procedureId)
    .executeTakeFirst();
  if (!owner) throw notFound('The procedure');
  return String(owner.patient_id);
}

/** Display names of users by id, for "recorded by" on clinical rows. */
export async function userNames(
  db: Kysely<Database>,
  ids: Iterable<string | null>,
): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id).map(String))];
  if (!wanted.length) return new Map();
  const rows = await namesOf(db, { ids: wanted });
  return new Map(rows.map((r) => [String(r.id), r.name]));
}

/** ISO string of a timestamp column. */
export const iso = (value: Date | string): string =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

/** User display names by id. */
export type Names = Map<string, string>;

/** The entered-in-error mark of a clinical row as the API shows it: reason, when and who; null when valid. */
export function errorMark(
  r: { error_reason: string | null; error_at: Date | null; error_by: string | null },
  names: Names,
) {
  return r.error_reason
    ? {
        reason: r.error_reason,
        at: iso(r.error_at!),
        byName: names.get(String(r.error_by)) ?? 'Unknown',
      }
    : null;
}
