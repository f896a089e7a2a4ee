/**
 * CSV downloads through papaparse: a header row, ISO dates, and no formula injection (a text cell
 * starting with = + - @ tab or CR gets a leading quote, so a spreadsheet shows it instead of running
 * it). Numbers stay numbers, so a baseline at -30 minutes is not mangled.
 */
import type { Kysely } from 'kysely';
import Papa from 'papaparse';
import type { Database } from '../db/schema.ts';
import { iso } from './clinical-rows.ts';

export type CsvCell = string | number | boolean | null;

/** One chunk of CSV: the header line when `header` is set, then the rows. */
export function toCsv(
  columns: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  header = true,
): string {
  if (!rows.length && !header) return '';
  const text = Papa.unparse(
    { fields: [...columns], data: rows.map((r) => [...r]) },
    { header, escapeFormulae: true, newline: '\r\n' },
  );
  return text ? `${text}\r\n` : '';
}

export const PATIENT_LIST_COLUMNS = [
  'id',
  'mrn',
  'familyName',
  'givenName',
  'birthDate',
  'sex',
  'currentStage',
  'runner',
  'createdAt',
  'updatedAt',
] as const;

/** One page of the patient list after `afterId`, in id order (keyset paging keeps a 20,000-row download flat in memory). */
export async function patientListPage(
  db: Kysely<Database>,
  afterId: string,
  limit: number,
): Promise<{ ids: string[]; rows: CsvCell[][] }> {
  const rows = await db
    .selectFrom('patients as p')
    .select([
      'p.id',
      'p.mrn',
      'p.family_name',
      'p.given_name',
      'p.birth_date',
      'p.sex',
      'p.runner',
      'p.created_at',
      'p.updated_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('episodes as e')
        .select('e.stage')
        .whereRef('e.patient_id', '=', 'p.id')
        .orderBy('e.id', 'desc')
        .limit(1)
        .as('current_stage'),
    )
    .where('p.id', '>', afterId)
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return {
    ids: rows.map((r) => String(r.id)),
    rows: rows.map((r) => [
      String(r.id),
      r.mrn,
      r.family_name,
      r.given_name,
      r.birth_date,
      r.sex,
      r.current_stage ?? '',
      r.runner,
      iso(r.created_at),
      iso(r.updated_at),
    ]),
  };
}

export const PAIN_SCORE_COLUMNS = [
  'procedureId',
  'procedure',
  'performedAt',
  'scoreId',
  'minutesAfter',
  'describesAt',
  'enteredAt',
  'context',
  'side',
  'score',
  'reportedReliefPercent',
  'status',
] as const;

/** Pain scores of a patient or of one procedure (its diary), oldest procedure first; entered-in-error rows kept and marked. */
export async function painScoreRows(
  db: Kysely<Database>,
  scope: { patientId: string } | { procedureId: string },
): Promise<CsvCell[][]> {
  let query = db
    .selectFrom('pain_scores as s')
    .innerJoin('procedures as p', 'p.id', 's.procedure_id')
    .innerJoin('episodes as e', 'e.id', 'p.episode_id')
    .select([
      'p.id as procedure_id',
      'p.kind',
      'p.performed_at',
      'p.error_reason as procedure_error',
      's.id',
      's.minutes_after',
      's.describes_at',
      's.entered_at',
      's.context',
      's.side',
      's.score',
      's.reported_relief_percent',
      's.error_reason',
    ]);
  query =
    'patientId' in scope
      ? query.where('e.patient_id', '=', scope.patientId)
      : query.where('p.id', '=', scope.procedureId);
  const rows = await query
    .orderBy('p.performed_at')
    .orderBy('p.id')
    .orderBy('s.minutes_after')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => [
    String(r.procedure_id),
    r.kind,
    iso(r.performed_at),
    String(r.id),
    r.minutes_after,
    iso(r.describes_at),
    iso(r.entered_at),
    r.context,
    r.side ?? '',
    r.score,
    r.reported_relief_percent,
    r.error_reason || r.procedure_error ? 'entered-in-error' : 'valid',
  ]);
}
