import type { Kysely, Selectable } from 'kysely';
import type { PatientView, Stage } from '../../domain/index.ts';
import { compiledOnce } from '../db/compiled-once.ts';
import { preparedStatement } from '../db/prepared.ts';
import type { Database, PatientsTable } from '../db/schema.ts';
import { type AuditEntry, auditParameters, auditWhenFound } from './audit-trail.ts';
import { iso } from './clinical-rows.ts';

/** The patient columns a view shows. */
const VIEW_COLUMNS = [
  'id',
  'mrn',
  'given_name',
  'family_name',
  'birth_date',
  'sex',
  'phone',
  'email',
  'runner',
  'weekly_distance_km',
  'created_at',
  'updated_at',
  'version',
] as const;

export type PatientRow = Pick<Selectable<PatientsTable>, (typeof VIEW_COLUMNS)[number]> & {
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
 * One patient read and audited in one prepared statement: the audit row, written only when the
 * patient exists, commits with the read (a data-modifying CTE runs even though the SELECT does not
 * refer to it), in one round trip instead of BEGIN, SELECT, INSERT, COMMIT; and PostgreSQL plans it
 * once per connection instead of on every read (issue 11). The same subqueries as patientsWithStage.
 */
const readPatientAudited = preparedStatement<PatientRow>(`WITH audited AS (
    ${auditWhenFound(2, 'SELECT 1 FROM patients WHERE id = $1')}
  )
  SELECT ${VIEW_COLUMNS.map((c) => `p.${c}`).join(', ')},
    (SELECT e.stage FROM episodes e WHERE e.patient_id = p.id ORDER BY e.id DESC LIMIT 1)
      AS current_stage,
    (SELECT pr.id FROM procedures pr JOIN episodes pe ON pe.id = pr.episode_id
      WHERE pe.patient_id = p.id AND pr.error_reason IS NULL
      ORDER BY pr.performed_at DESC, pr.id DESC LIMIT 1) AS latest_procedure_id
  FROM patients p WHERE p.id = $1`);

export async function loadPatientViewAudited(
  db: Kysely<Database>,
  id: string,
  entry: AuditEntry,
): Promise<PatientView | null> {
  const [row] = await readPatientAudited(db, [id, ...auditParameters(entry)]);
  return row ? toPatientView(row) : null;
}

const patientWithStage = compiledOnce((db, p: { id: string }) =>
  patientsWithStage(db).where('p.id', '=', p.id),
);

export async function loadPatientView(
  db: Kysely<Database>,
  id: string,
): Promise<PatientView | null> {
  const [row] = await patientWithStage(db, { id });
  return row ? toPatientView(row as PatientRow) : null;
}
