import type { Kysely } from 'kysely';
import type * as z from 'zod';
import {
  type PatientCreateSchema,
  type PatientListQuerySchema,
  type PatientUpdateSchema,
  type PatientView,
  searchKey,
} from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { HttpProblem, notFound, versionConflict } from '../http-problem.ts';
import {
  loadPatientView,
  patientsWithStage,
  type PatientRow,
  toPatientView,
} from './patient-views.ts';
import { patientMatches } from './patient-match.ts';

type Tx = Kysely<Database>;

/** 409 for a second patient with the same MRN, with a field message. */
function mrnTaken(mrn: string): HttpProblem {
  return new HttpProblem({
    status: 409,
    title: 'MRN already registered',
    code: 'mrn-taken',
    detail: `A patient with MRN ${mrn} is already registered. Search for them instead of registering again.`,
    errors: [{ path: 'mrn', message: 'This MRN belongs to another patient' }],
  });
}

/** Search columns kept in step with the names (domain/patient-facts.ts searchKey). */
function searchColumns(p: {
  mrn?: string | undefined;
  givenName?: string | undefined;
  familyName?: string | undefined;
}) {
  return {
    ...(p.mrn !== undefined ? { search_mrn: searchKey(p.mrn) } : {}),
    ...(p.givenName !== undefined ? { search_given: searchKey(p.givenName) } : {}),
    ...(p.familyName !== undefined ? { search_family: searchKey(p.familyName) } : {}),
  };
}

const SORT_COLUMNS = {
  name: ['search_family', 'search_given'],
  mrn: ['search_mrn'],
  birthDate: ['birth_date'],
  updated: ['updated_at'],
} as const;

/** One page of the patient search, with the total; the match rule is `patientMatches`. */
export async function searchPatients(
  tx: Tx,
  query: z.output<typeof PatientListQuerySchema>,
): Promise<{ items: PatientView[]; total: number; page: number; pageSize: number }> {
  const { q, stage, sort, dir, page, pageSize } = query;
  const key = q ? searchKey(q) : '';
  let inner = patientsWithStage(tx);
  if (key) inner = inner.where((eb) => patientMatches(eb, key));
  let filtered = tx.selectFrom(inner.as('x')).selectAll();
  if (stage) filtered = filtered.where('x.current_stage', '=', stage);
  let ordered = filtered;
  for (const column of SORT_COLUMNS[sort]) ordered = ordered.orderBy(`x.${column}`, dir);
  const rows = (await ordered
    .orderBy('x.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()) as PatientRow[];
  const count = await filtered
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toPatientView), total: Number(count.n), page, pageSize };
}

/** Runs a write of patient rows; a unique violation (the MRN) becomes 409 mrn-taken. */
export async function withMrnUnique<T>(mrn: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw mrnTaken(mrn);
    throw error;
  }
}

type PatientCreate = z.output<typeof PatientCreateSchema>;

/** The patient table's columns of a registration (or of an edit's changed fields). */
function patientColumns(b: PatientCreate) {
  return {
    mrn: b.mrn,
    given_name: b.givenName,
    family_name: b.familyName,
    birth_date: b.birthDate,
    sex: b.sex,
    phone: b.phone,
    email: b.email,
    runner: b.runner,
    weekly_distance_km: b.weeklyDistanceKm,
  };
}

/** Registers a patient; returns the new id. */
export async function registerPatient(tx: Tx, b: PatientCreate, userId: string): Promise<string> {
  const row = await tx
    .insertInto('patients')
    .values({
      ...patientColumns(b),
      created_by: userId,
      updated_by: userId,
      search_mrn: searchKey(b.mrn),
      search_given: searchKey(b.givenName),
      search_family: searchKey(b.familyName),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/**
 * Edits a patient at the version the client read (409 with the current row otherwise); returns the
 * names of the changed fields, never their values (the audit trail copies no names or contacts).
 */
export async function updatePatient(
  tx: Tx,
  id: string,
  body: z.output<typeof PatientUpdateSchema>,
  userId: string,
): Promise<string[]> {
  const { version, ...b } = body;
  const before = await tx
    .selectFrom('patients')
    .select(['version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw notFound('The patient');
  if (before.version !== version) throw versionConflict(await loadPatientView(tx, id));
  const changes = Object.fromEntries(
    // An edit names only the fields it changes: the ones left out stay undefined and are dropped.
    Object.entries(patientColumns(b as PatientCreate)).filter(([, v]) => v !== undefined),
  );
  await tx
    .updateTable('patients')
    .set({
      ...changes,
      ...searchColumns(b),
      updated_at: new Date(),
      updated_by: userId,
      version: version + 1,
    })
    .where('id', '=', id)
    .execute();
  return Object.keys(changes);
}
