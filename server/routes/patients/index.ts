import type * as z from 'zod';
import type { FastifyRequest } from 'fastify';
import {
  IdParamsSchema as IdParams,
  pageSchema,
  PatientCreateSchema,
  PatientListQuerySchema,
  PatientUpdateSchema,
  PatientViewSchema,
  searchKey,
} from '../../../domain/index.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { HttpProblem, notFound, versionConflict } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { patientMatches } from '../../services/patient-match.ts';
import type { App } from '../../types.ts';
import {
  loadPatientView,
  loadPatientViewAudited,
  patientsWithStage,
  type PatientRow,
  toPatientView,
} from '../../services/patient-views.ts';

const PageOfPatients = pageSchema(PatientViewSchema);

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

/** Patients (nurses and physicians): search, register, read, edit with optimistic concurrency. */
export async function patientRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };
  const write = { permission: 'patients:write' as const };

  // GET ?q= puts search terms (patient names) in URLs, where proxy access logs keep them; the client
  // uses POST /patients/search with the same parameters in the body (FHIR's _search; issue 10, defect 10).
  const search = async (
    request: FastifyRequest,
    query: z.output<typeof PatientListQuerySchema>,
  ) => {
    const { q, stage, sort, dir, page, pageSize } = query;
    const key = q ? searchKey(q) : '';
    // Everything runs on the transaction: PGlite has one connection, so app.db inside it would wait forever.
    return app.db.transaction().execute(async (tx) => {
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
      const items = rows.map(toPatientView);
      await app.audit.patientData(tx, request, 'patient.search', null, 'patient', null, {
        patientIds: items.map((p) => p.id),
        ...(stage ? { stage } : {}),
      });
      return { items, total: Number(count.n), page, pageSize };
    });
  };
  app.get(
    '/api/v1/patients',
    {
      config: read,
      schema: {
        tags: ['patients'],
        querystring: PatientListQuerySchema,
        response: { 200: PageOfPatients },
      },
    },
    (request) => search(request, request.query),
  );
  app.post(
    '/api/v1/patients/search',
    {
      config: read,
      schema: {
        tags: ['patients'],
        body: PatientListQuerySchema,
        response: { 200: PageOfPatients },
      },
    },
    (request) => search(request, request.body),
  );

  app.post(
    '/api/v1/patients',
    {
      config: write,
      schema: {
        tags: ['patients'],
        body: PatientCreateSchema,
        response: { 201: PatientViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const b = request.body;
      try {
        const view = await app.db.transaction().execute(async (tx) => {
          const row = await tx
            .insertInto('patients')
            .values({
              mrn: b.mrn,
              given_name: b.givenName,
              family_name: b.familyName,
              birth_date: b.birthDate,
              sex: b.sex,
              phone: b.phone,
              email: b.email,
              runner: b.runner,
              weekly_distance_km: b.weeklyDistanceKm,
              created_by: user.id,
              updated_by: user.id,
              search_mrn: searchKey(b.mrn),
              search_given: searchKey(b.givenName),
              search_family: searchKey(b.familyName),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const id = String(row.id);
          await app.audit.patientData(tx, request, 'patient.create', id, 'patient', id);
          return (await loadPatientView(tx, id))!;
        });
        return reply.status(201).send(view);
      } catch (error) {
        if (isUniqueViolation(error)) throw mrnTaken(b.mrn);
        throw error;
      }
    },
  );

  app.get(
    '/api/v1/patients/:id',
    {
      config: read,
      schema: { tags: ['patients'], params: IdParams, response: { 200: PatientViewSchema } },
    },
    async (request) => {
      const { id } = request.params;
      // The most frequent audited read: one statement, its audit row included (issue 11).
      const entry = app.audit.patientDataEntry(request, 'patient.read', id, 'patient', id);
      const view = await loadPatientViewAudited(app.db, id, entry);
      if (!view) throw notFound('The patient');
      return view;
    },
  );

  app.patch(
    '/api/v1/patients/:id',
    {
      config: write,
      schema: {
        tags: ['patients'],
        params: IdParams,
        body: PatientUpdateSchema,
        response: { 200: PatientViewSchema },
      },
    },
    async (request) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      const { version, ...b } = request.body;
      try {
        return await app.db.transaction().execute(async (tx) => {
          const before = await tx
            .selectFrom('patients')
            .select(['version'])
            .where('id', '=', id)
            .forUpdate()
            .executeTakeFirst();
          if (!before) throw notFound('The patient');
          if (before.version !== version) throw versionConflict(await loadPatientView(tx, id));
          const changes = Object.fromEntries(
            Object.entries({
              mrn: b.mrn,
              given_name: b.givenName,
              family_name: b.familyName,
              birth_date: b.birthDate,
              sex: b.sex,
              phone: b.phone,
              email: b.email,
              runner: b.runner,
              weekly_distance_km: b.weeklyDistanceKm,
            }).filter(([, v]) => v !== undefined),
          );
          await tx
            .updateTable('patients')
            .set({
              ...changes,
              ...searchColumns(b),
              updated_at: new Date(),
              updated_by: user.id,
              version: version + 1,
            })
            .where('id', '=', id)
            .execute();
          // Field names only: the audit trail never copies names or contact details.
          await app.audit.patientData(tx, request, 'patient.update', id, 'patient', id, {
            fields: Object.keys(changes),
          });
          return (await loadPatientView(tx, id))!;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw mrnTaken(b.mrn ?? '');
        throw error;
      }
    },
  );
}
