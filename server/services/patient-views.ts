import { type Kysely, type Selectable, sql } from 'kysely';
import type { PatientView, Stage } from '../../domain/index.ts';
import type { Database, PatientsTable } from '../db/schema.ts';
import { type AuditEntry, auditWhenFound } from './audit-trail.ts';
import { iso } from './clinical-rows.ts';

export type PatientRow = Selectable<PatientsTable> & {
  current_stage: string | null;
  latest_procedure_id?: string | null;
};

export function toPatientView(row: PatientRow): PatientView {
  return {
    id: String(row.id),
    mrn: row.mrn,
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    sex: row.sex as PatientView['sex'],
    phone: row.phone,
    email: row.email,
    runner: row.runner,
    weeklyDistanceKm: row.weekly_distance_km,
    currentStage: (row.current_stage as Stage | null) ?? null,
    ...(row.latest_procedure_id !== undefined
      ? {
          latestProcedureId:
            row.latest_procedure_id === null ? null : String(row.latest_procedure_id),
        }
      : {}),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

/** Patients with the stage of their most recently opened episode. */
export function patientsWithStage(db: Kysely<Database>) {
  return db
    .selectFrom('patients as p')
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('episodes as e')
        .select('e.stage')
        .whereRef('e.patient_id', '=', 'p.id')
        .orderBy('e.id', 'desc')
        .limit(1)
        .as('current_stage'),
    )
    .select((eb) =>
      eb
        .selectFrom('procedures as pr')
        .innerJoin('episodes as pe', 'pe.id', 'pr.episode_id')
        .select('pr.id')
        .whereRef('pe.patient_id', '=', 'p.id')
        .where('pr.error_reason', 'is', null)
        .orderBy('pr.performed_at', 'desc')
        .orderBy('pr.id', 'desc')
        .limit(1)
        .as('latest_procedure_id'),
    );
}

/**
 * One patient, read and audited in a single statement: the audit row (written only when the patient
 * exists) commits with the read, in one round trip instead of BEGIN, SELECT, INSERT, COMMIT (issue 11).
 */
export async function loadPatientViewAudited(
  db: Kysely<Database>,
  id: string,
  entry: AuditEntry,
): Promise<PatientView | null> {
  const found = db.selectFrom('patients').select(sql.lit(1).as('one')).where('id', '=', id);
  const row = await patientsWithStage(
    db.with('audited', () => auditWhenFound(entry, found)) as unknown as Kysely<Database>,
  )
    .where('p.id', '=', id)
    .executeTakeFirst();
  return row ? toPatientView(row as PatientRow) : null;
}

export async function loadPatientView(
  db: Kysely<Database>,
  id: string,
): Promise<PatientView | null> {
  const row = await patientsWithStage(db).where('p.id', '=', id).executeTakeFirst();
  return row ? toPatientView(row as PatientRow) : null;
}
