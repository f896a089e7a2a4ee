import { type Kysely, type Selectable, sql } from 'kysely';
import * as z from 'zod';
import {
  IdSchema, PatientCreateSchema, PatientListQuerySchema, PatientUpdateSchema, type PatientView, PatientViewSchema, searchKey, type Stage,
} from '../../../domain/index.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Database, PatientsTable } from '../../db/schema.ts';
import { HttpProblem, notFound, versionConflict } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import type { App } from '../../types.ts';
import { likePrefix } from '../users/index.ts';
import { auditPatientData, iso } from '../clinical.ts';

const IdParams = z.object({ id: IdSchema });
const PageOfPatients = z.object({ items: z.array(PatientViewSchema), total: z.number(), page: z.number(), pageSize: z.number() });

type PatientRow = Selectable<PatientsTable> & { current_stage: string | null };

function toView(row: PatientRow): PatientView {
  return {
    id: String(row.id), mrn: row.mrn, givenName: row.given_name, familyName: row.family_name, birthDate: row.birth_date,
    sex: row.sex as PatientView['sex'], phone: row.phone, email: row.email, runner: row.runner,
    weeklyDistanceKm: row.weekly_distance_km, currentStage: (row.current_stage as Stage | null) ?? null,
    createdAt: iso(row.created_at), updatedAt: iso(row.updated_at), version: row.version,
  };
}

/** Patients with the stage of their most recently opened episode. */
function patientsWithStage(db: Kysely<Database>) {
  return db.selectFrom('patients as p').selectAll('p').select((eb) =>
    eb.selectFrom('episodes as e').select('e.stage').whereRef('e.patient_id', '=', 'p.id').orderBy('e.id', 'desc').limit(1).as('current_stage'));
}

async function loadView(db: Kysely<Database>, id: string): Promise<PatientView | null> {
  const row = await patientsWithStage(db).where('p.id', '=', id).executeTakeFirst();
  return row ? toView(row as PatientRow) : null;
}

function mrnTaken(mrn: string): HttpProblem {
  return new HttpProblem({
    status: 409, title: 'MRN already registered', code: 'mrn-taken',
    detail: `A patient with MRN ${mrn} is already registered. Search for them instead of registering again.`,
    errors: [{ path: 'mrn', message: 'This MRN belongs to another patient' }],
  });
}

/** Search columns kept in step with the names (domain/patient-facts.ts searchKey). */
function searchColumns(p: { mrn?: string | undefined; givenName?: string | undefined; familyName?: string | undefined }) {
  return {
    ...(p.mrn !== undefined ? { search_mrn: searchKey(p.mrn) } : {}),
    ...(p.givenName !== undefined ? { search_given: searchKey(p.givenName) } : {}),
    ...(p.familyName !== undefined ? { search_family: searchKey(p.familyName) } : {}),
  };
}

const SORT_COLUMNS = { name: ['search_family', 'search_given'], mrn: ['search_mrn'], birthDate: ['birth_date'], updated: ['updated_at'] } as const;

/** Patients (nurses and physicians): search, register, read, edit with optimistic concurrency. */
export async function patientRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };
  const write = { permission: 'patients:write' as const };

  app.get('/api/v1/patients', { config: read, schema: { tags: ['patients'], querystring: PatientListQuerySchema, response: { 200: PageOfPatients } } }, async (request) => {
    const { q, stage, sort, dir, page, pageSize } = request.query;
    const key = q ? searchKey(q) : '';
    // Everything runs on the transaction: PGlite has one connection, so app.db inside it would wait forever.
    return app.db.transaction().execute(async (tx) => {
      let inner = patientsWithStage(tx);
      if (key) {
        // Prefix match on family name, given name, MRN, "given family" or "family, given".
        const pattern = likePrefix(key);
        inner = inner.where((eb) => eb.or([
          eb('p.search_family', 'like', pattern), eb('p.search_given', 'like', pattern), eb('p.search_mrn', 'like', pattern),
          eb(sql<string>`p.search_given || ' ' || p.search_family`, 'like', pattern),
          eb(sql<string>`p.search_family || ', ' || p.search_given`, 'like', pattern),
        ]));
      }
      let filtered = tx.selectFrom(inner.as('x')).selectAll();
      if (stage) filtered = filtered.where('x.current_stage', '=', stage);
      let ordered = filtered;
      for (const column of SORT_COLUMNS[sort]) ordered = ordered.orderBy(`x.${column}`, dir);
      const rows = (await ordered.orderBy('x.id').limit(pageSize).offset((page - 1) * pageSize).execute()) as PatientRow[];
      const count = await filtered.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const items = rows.map(toView);
      await auditPatientData(tx, request, 'patient.search', null, 'patient', null, { patientIds: items.map((p) => p.id), ...(stage ? { stage } : {}) });
      return { items, total: Number(count.n), page, pageSize };
    });
  });

  app.post('/api/v1/patients', { config: write, schema: { tags: ['patients'], body: PatientCreateSchema, response: { 201: PatientViewSchema } } }, async (request, reply) => {
    const user = sessionOf(request).user;
    const b = request.body;
    try {
      const view = await app.db.transaction().execute(async (tx) => {
        const row = await tx.insertInto('patients').values({
          mrn: b.mrn, given_name: b.givenName, family_name: b.familyName, birth_date: b.birthDate, sex: b.sex, phone: b.phone, email: b.email,
          runner: b.runner, weekly_distance_km: b.weeklyDistanceKm, created_by: user.id, updated_by: user.id,
          search_mrn: searchKey(b.mrn), search_given: searchKey(b.givenName), search_family: searchKey(b.familyName),
        }).returning('id').executeTakeFirstOrThrow();
        const id = String(row.id);
        await auditPatientData(tx, request, 'patient.create', id, 'patient', id);
        return (await loadView(tx, id))!;
      });
      return reply.status(201).send(view);
    } catch (error) {
      if (isUniqueViolation(error)) throw mrnTaken(b.mrn);
      throw error;
    }
  });

  app.get('/api/v1/patients/:id', { config: read, schema: { tags: ['patients'], params: IdParams, response: { 200: PatientViewSchema } } }, async (request) => {
    const { id } = request.params;
    return app.db.transaction().execute(async (tx) => {
      const view = await loadView(tx, id);
      if (!view) throw notFound('The patient');
      await auditPatientData(tx, request, 'patient.read', id, 'patient', id);
      return view;
    });
  });

  app.patch('/api/v1/patients/:id', { config: write, schema: { tags: ['patients'], params: IdParams, body: PatientUpdateSchema, response: { 200: PatientViewSchema } } }, async (request) => {
    const user = sessionOf(request).user;
    const { id } = request.params;
    const { version, ...b } = request.body;
    try {
      return await app.db.transaction().execute(async (tx) => {
        const before = await tx.selectFrom('patients').select(['version']).where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw notFound('The patient');
        if (before.version !== version) throw versionConflict(await loadView(tx, id));
        const changes = Object.fromEntries(Object.entries({
          mrn: b.mrn, given_name: b.givenName, family_name: b.familyName, birth_date: b.birthDate, sex: b.sex, phone: b.phone,
          email: b.email, runner: b.runner, weekly_distance_km: b.weeklyDistanceKm,
        }).filter(([, v]) => v !== undefined));
        await tx.updateTable('patients').set({ ...changes, ...searchColumns(b), updated_at: new Date(), updated_by: user.id, version: version + 1 })
          .where('id', '=', id).execute();
        // Field names only: the audit trail never copies names or contact details.
        await auditPatientData(tx, request, 'patient.update', id, 'patient', id, { fields: Object.keys(changes) });
        return (await loadView(tx, id))!;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw mrnTaken(b.mrn ?? '');
      throw error;
    }
  });
}
